using System.Buffers;
using System.IO.Compression;

namespace NewsFeedWorker.Fetching;

/// <summary>
/// Reads a response body into memory under a hard byte limit, then undoes its content codings under the same
/// limit, so neither a huge page nor a small gzip bomb can take more than <c>maxBytes</c> of memory.
/// </summary>
public static class BodyReader
{
    public static async Task<byte[]> ReadAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is { } declared && declared > maxBytes)
        {
            throw new BodyLimitExceededException($"Content-Length {declared} is over the {maxBytes}-byte limit");
        }

        await using var network = await content.ReadAsStreamAsync(cancellationToken);
        var raw = await ReadLimitedAsync(network, maxBytes, "body", cancellationToken);

        // Codings are listed in the order they were applied: undo them last to first.
        foreach (var coding in content.Headers.ContentEncoding.Reverse())
        {
            raw = await DecodeAsync(raw, coding.Trim().ToLowerInvariant(), maxBytes, cancellationToken);
        }

        return raw;
    }

    private static async Task<byte[]> DecodeAsync(byte[] encoded, string coding, int maxBytes, CancellationToken cancellationToken)
    {
        if (coding is "identity" or "")
        {
            return encoded;
        }

        using var input = new MemoryStream(encoded, writable: false);
        await using Stream decoder = coding switch
        {
            "gzip" or "x-gzip" => new GZipStream(input, CompressionMode.Decompress),
            // HTTP "deflate" is zlib-wrapped, but some servers send raw deflate: the zlib header tells them apart.
            "deflate" => HasZlibHeader(encoded) ? new ZLibStream(input, CompressionMode.Decompress) : new DeflateStream(input, CompressionMode.Decompress),
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            _ => throw new BadContentException($"unsupported Content-Encoding '{coding}'"),
        };

        try
        {
            return await ReadLimitedAsync(decoder, maxBytes, $"{coding}-decoded body", cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or IOException)
        {
            throw new BadContentException($"invalid {coding} data: {e.Message}", e);
        }
    }

    private static bool HasZlibHeader(byte[] data) =>
        data.Length >= 2 && (data[0] & 0x0F) == 8 && ((data[0] << 8) | data[1]) % 31 == 0;

    private static async Task<byte[]> ReadLimitedAsync(Stream stream, int maxBytes, string what, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            using var output = new MemoryStream();
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (output.Length + read > maxBytes)
                {
                    throw new BodyLimitExceededException($"{what} is over the {maxBytes}-byte limit");
                }

                output.Write(buffer, 0, read);
            }

            return output.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
