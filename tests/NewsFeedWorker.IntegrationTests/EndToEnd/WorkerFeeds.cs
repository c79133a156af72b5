using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using NewsFeedWorker.Hosting;

namespace NewsFeedWorker.IntegrationTests.EndToEnd;

/// <summary>What end-to-end tests need around a running worker: a port to serve on, and its JSON feed once it holds the items.</summary>
internal static class WorkerFeeds
{
    public static async Task<JsonElement[]> WaitForItemsAsync(HttpClient http, string path, int expected)
    {
        // The real host runs on the real clock: a stopwatch bounds the wait.
        var waited = Stopwatch.StartNew();
        JsonElement[] items = [];
        while (waited.Elapsed < TimeSpan.FromSeconds(90))
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                items = json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.Clone()).ToArray();
                if (items.Length >= expected)
                {
                    return items;
                }
            }

            await Task.Delay(250);
        }

        Assert.Fail($"{path} held {items.Length} items after 90 s, expected {expected}");
        return items;
    }

    /// <summary>A worker on loopback <paramref name="port"/> that runs every source of the file once at start.</summary>
    public static WebApplication Build(string sourcesFile, string dataDirectory, int port) => WorkerHost.Build(new Dictionary<string, string?>
    {
        ["Worker:SourcesFile"] = sourcesFile,
        ["Worker:DataDirectory"] = dataDirectory,
        ["Worker:RunOnStart"] = "true",
        ["urls"] = $"http://127.0.0.1:{port}",
    });

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
