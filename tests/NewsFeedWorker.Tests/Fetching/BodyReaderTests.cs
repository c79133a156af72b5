using System.IO.Compression;
using System.Text;
using NewsFeedWorker.Fetching;
using Xunit.Abstractions;

namespace NewsFeedWorker.Tests.Fetching;

public sealed class BodyReaderTests(ITestOutputHelper output)
{
    private static readonly byte[] Page = Encoding.UTF8.GetBytes("<html><body><p>흐림서울 16.4℃</p></body></html>");

    private static ByteArrayContent Content(byte[] bytes, params string[] codings)
    {
        var content = new ByteArrayContent(bytes);
        foreach (var coding in codings)
        {
            content.Headers.ContentEncoding.Add(coding);
        }

        return content;
    }

    private static byte[] Compress(byte[] data, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var stream = compressor(output))
        {
            stream.Write(data);
        }

        return output.ToArray();
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public async Task Each_content_coding_is_undone(string coding)
    {
        var compressed = Compress(Page, coding switch
        {
            "gzip" => s => new GZipStream(s, CompressionLevel.Fastest),
            "deflate" => s => new ZLibStream(s, CompressionLevel.Fastest),
            _ => s => new BrotliStream(s, CompressionLevel.Fastest),
        });

        Assert.Equal(Page, await BodyReader.ReadAsync(Content(compressed, coding), 4096, CancellationToken.None));
    }

    [Fact]
    public async Task Raw_deflate_without_the_zlib_wrapper_is_read_too()
    {
        var compressed = Compress(Page, s => new DeflateStream(s, CompressionLevel.Fastest));

        Assert.Equal(Page, await BodyReader.ReadAsync(Content(compressed, "deflate"), 4096, CancellationToken.None));
    }

    [Fact]
    public async Task Stacked_codings_are_undone_last_first()
    {
        var twice = Compress(Compress(Page, s => new GZipStream(s, CompressionLevel.Fastest)), s => new BrotliStream(s, CompressionLevel.Fastest));

        Assert.Equal(Page, await BodyReader.ReadAsync(Content(twice, "gzip", "br"), 4096, CancellationToken.None));
    }

    [Fact]
    public async Task A_brotli_bomb_stops_at_the_limit()
    {
        var bomb = Compress(new byte[8 * 1024 * 1024], s => new BrotliStream(s, CompressionLevel.Optimal));

        var error = await Assert.ThrowsAsync<BodyLimitExceededException>(() => BodyReader.ReadAsync(Content(bomb, "br"), 65536, CancellationToken.None));
        Assert.Contains("br-decoded", error.Message);
    }

    [Fact]
    public async Task A_gzip_bomb_costs_a_few_times_the_limit_in_memory_not_its_inflated_size()
    {
        const int limit = 1024 * 1024;
        var bomb = Compress(new byte[256 * 1024 * 1024], s => new GZipStream(s, CompressionLevel.Optimal));
        var content = Content(bomb, "gzip");

        // Everything below runs synchronously on this thread (in-memory streams), so the thread's counter sees it all.
        var before = GC.GetAllocatedBytesForCurrentThread();
        await Assert.ThrowsAsync<BodyLimitExceededException>(() => BodyReader.ReadAsync(content, limit, CancellationToken.None));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine($"gzip bomb: {bomb.Length:N0} bytes on the wire, 268,435,456 inflated, {allocated:N0} bytes allocated with a {limit:N0}-byte limit");

        Assert.True(allocated < 8L * limit, $"allocated {allocated:N0} bytes for a {limit:N0}-byte limit");
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    [InlineData("compress")]
    public async Task Undecodable_bodies_are_bad_content(string coding) =>
        await Assert.ThrowsAsync<BadContentException>(() => BodyReader.ReadAsync(Content(Page, coding), 4096, CancellationToken.None));

    [Fact]
    public async Task A_body_exactly_at_the_limit_is_accepted_and_one_byte_more_is_not()
    {
        Assert.Equal(Page.Length, (await BodyReader.ReadAsync(Content(Page), Page.Length, CancellationToken.None)).Length);
        await Assert.ThrowsAsync<BodyLimitExceededException>(() => BodyReader.ReadAsync(Content(Page), Page.Length - 1, CancellationToken.None));
    }
}
