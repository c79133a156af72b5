using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

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

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
