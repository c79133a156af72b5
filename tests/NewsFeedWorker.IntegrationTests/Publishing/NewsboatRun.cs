using Microsoft.Data.Sqlite;

namespace NewsFeedWorker.IntegrationTests.Publishing;

/// <summary>Runs newsboat headless (<c>-x reload</c>) on feed URLs in a temp home and counts the items it stored per feed.</summary>
public static class NewsboatRun
{
    public static async Task<IReadOnlyDictionary<string, int>> ReloadAsync(IEnumerable<Uri> urls)
    {
        var newsboat = new[] { "/usr/bin/newsboat", "/usr/local/bin/newsboat" }.FirstOrDefault(File.Exists);
        Assert.True(newsboat is not null, "newsboat is not installed: install the Debian package newsboat (apt-get install newsboat).");

        var home = Directory.CreateTempSubdirectory("nfw-newsboat-").FullName;
        try
        {
            var urlFile = Path.Combine(home, "urls");
            var config = Path.Combine(home, "config");
            var cache = Path.Combine(home, "cache.db");
            await File.WriteAllLinesAsync(urlFile, urls.Select(u => u.AbsoluteUri));
            await File.WriteAllLinesAsync(config, ["download-timeout 20", "reload-threads 2", "max-items 0", "show-read-feeds yes"]);
            var (exit, stdout, stderr) = await FeedParserRun.RunAsync(
                newsboat!, ["-x", "reload", "-u", urlFile, "-c", cache, "-C", config, "-l", "4", "-d", Path.Combine(home, "log")],
                new Dictionary<string, string> { ["HOME"] = home, ["XDG_CONFIG_HOME"] = home, ["XDG_DATA_HOME"] = home });
            var log = File.Exists(Path.Combine(home, "log")) ? await File.ReadAllTextAsync(Path.Combine(home, "log")) : "";
            Assert.True(exit == 0, $"newsboat exited {exit}: {stdout} {stderr}\n{Tail(log)}");

            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = cache, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT feedurl, COUNT(*) FROM rss_item GROUP BY feedurl";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                counts[reader.GetString(0)] = reader.GetInt32(1);
            }

            return counts;
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    private static string Tail(string log) => log.Length > 4000 ? log[^4000..] : log;
}
