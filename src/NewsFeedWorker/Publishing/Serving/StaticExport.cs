using System.Buffers;

namespace NewsFeedWorker.Publishing.Serving;

/// <summary>
/// Writes files so a reader never sees half of one: the bytes go to a temporary file in the same folder, which then
/// replaces the target in one rename. A file whose bytes are already on disk is left alone.
/// </summary>
public sealed class StaticExport
{
    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/>; false when the file already held exactly these bytes.</summary>
    public async Task<bool> WriteAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        if (await HasContentAsync(path, content, cancellationToken))
        {
            return false;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        // Same folder as the target: the rename stays on one file system and is atomic.
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(content, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
            return true;
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    private static async Task<bool> HasContentAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length != content.Length)
        {
            return false;
        }

        // Compared in pooled chunks: reading each ~150 KB feed file whole put one large-object array per file per publish
        // on the heap.
        var buffer = ArrayPool<byte>.Shared.Rent(81_920);
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.Asynchronous);
            var offset = 0;
            while (offset < content.Length)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(0, Math.Min(buffer.Length, content.Length - offset)), cancellationToken);
                if (read == 0 || !buffer.AsSpan(0, read).SequenceEqual(content.AsSpan(offset, read)))
                {
                    return false;
                }

                offset += read;
            }

            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
