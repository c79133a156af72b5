using System.Text;
using NewsFeedWorker.Publishing;
using NewsFeedWorker.Publishing.Serving;
using NewsFeedWorker.Tests.Publishing.Fakes;

namespace NewsFeedWorker.IntegrationTests.Publishing.Serving;

/// <summary>Exported files are replaced in one rename: a reader polling a file never sees a partial or mixed one.</summary>
public sealed class StaticExportTests
{
    [Fact]
    public async Task A_reader_polling_during_repeated_exports_only_ever_sees_complete_files()
    {
        var folder = Directory.CreateTempSubdirectory("nfw-export-").FullName;
        try
        {
            var path = Path.Combine(folder, "all.rss");
            var export = new StaticExport();
            // Two versions of different sizes (~1.5 MB and ~0.5 MB) so a torn write would show as a wrong length or mixed bytes.
            var large = Encoding.UTF8.GetBytes("<rss>" + new string('가', 500_000) + "</rss>");
            var small = Encoding.UTF8.GetBytes("<rss>" + new string('나', 150_000) + "</rss>");
            await export.WriteAsync(path, small, CancellationToken.None);

            using var stop = new CancellationTokenSource();
            var reads = 0;
            var torn = new List<string>();
            var reader = Task.Run(() =>
            {
                while (!stop.IsCancellationRequested)
                {
                    byte[] seen;
                    try
                    {
                        seen = File.ReadAllBytes(path);
                    }
                    catch (FileNotFoundException)
                    {
                        torn.Add("file missing");
                        continue;
                    }

                    reads++;
                    if (!seen.AsSpan().SequenceEqual(large) && !seen.AsSpan().SequenceEqual(small))
                    {
                        torn.Add($"{seen.Length} bytes");
                    }
                }
            });

            for (var i = 0; i < 60; i++)
            {
                Assert.True(await export.WriteAsync(path, i % 2 == 0 ? large : small, CancellationToken.None));
            }

            await stop.CancelAsync();
            await reader;
            Assert.Empty(torn);
            Assert.True(reads > 10, $"only {reads} reads happened");
            Assert.Equal(["all.rss"], Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Publishing_exports_every_feed_in_every_format_plus_opml_and_readings()
    {
        await using var server = await FeedServer.StartAsync(topics: FeedSeed.Topics);

        var summary = await server.Publisher.PublishAsync(CancellationToken.None);

        var files = Directory.EnumerateFiles(server.ExportDirectory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(server.ExportDirectory, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        // An ad-hoc ?q= feed exists only over HTTP.
        foreach (var (path, _) in FeedReaderCompatibilityTests.Feeds.Where(f => !f.Path.Contains('?', StringComparison.Ordinal)))
        {
            foreach (var format in FeedFormats.All)
            {
                Assert.Contains($"{path}.{format.Extension()}", files);
            }
        }

        Assert.Contains(FeedPublisher.OpmlFileName, files);
        Assert.Contains(FeedPublisher.WeatherReadingsFileName, files);
        Assert.Equal(files.Count, summary.Files);
        Assert.DoesNotContain(files, f => f.EndsWith(".tmp", StringComparison.Ordinal));
        // The exported bytes are the served bytes when the public base URL is the server's own.
        var served = await server.Client.GetByteArrayAsync("feeds/weather.rss");
        var exported = await File.ReadAllBytesAsync(Path.Combine(server.ExportDirectory, "weather.rss"));
        Assert.Equal(Encoding.UTF8.GetString(served).Replace(server.BaseUrl.AbsoluteUri, "", StringComparison.Ordinal),
            Encoding.UTF8.GetString(exported).Replace("http://localhost:8080/", "", StringComparison.Ordinal));
    }
}
