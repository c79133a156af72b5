using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace NewsFeedWorker.Benchmarks.Hostile;

/// <summary>
/// <c>worker-bombs</c>: the real worker process, with its real scheduler, parse gate and SQLite store, against a loopback
/// site with one healthy source and sources whose every article is a markup bomb. Once the bomb sources are busy, the
/// healthy source publishes new articles; the figures are how many of its cycles (list fetches) start before the last of
/// them is fetched (one is the goal: the first cycle after publication reads them all), and how long until all are in its feed.
/// </summary>
internal static class WorkerBombsCommand
{
    private const int FirstArticles = 5;
    private const int NewArticles = 5;

    public static Command Create(TextWriter output)
    {
        var bombSources = new Option<int>("--bomb-sources") { Description = "Sources serving bomb pages (0 to 2)", DefaultValueFactory = _ => 2 };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the new articles", DefaultValueFactory = _ => 120 };
        var costliest = new Option<bool>("--costliest") { Description = "Bomb sources serve only the costliest page the markup guard lets through" };
        var command = new Command("worker-bombs", "The real worker: is a healthy source's new article stored within one cycle while bomb sources run?") { bombSources, timeout, costliest };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            output, Math.Clamp(parseResult.GetValue(bombSources), 0, 2), parseResult.GetValue(costliest), TimeSpan.FromSeconds(parseResult.GetValue(timeout)), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(TextWriter output, int bombSources, bool costliest, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("worker-bombs-");
        await using var site = await BombSite.StartAsync(FreePort(), FirstArticles, costliest);
        using var worker = StartWorker(directory.FullName, WriteSources(directory.FullName, site, bombSources), out var baseAddress);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout + TimeSpan.FromSeconds(60));
        try
        {
            var clock = Stopwatch.StartNew();
            await WaitForAsync(async () => await HealthyStored(http, baseAddress, site, deadline.Token) >= FirstArticles, worker, deadline.Token);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"worker pid {worker.Id} ({Environment.ProcessorCount} processors, default parse slots and Parsing:MaxPageTime); {bombSources} bomb source(s){(costliest ? " serving only the costliest page" : "")}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"healthy source: first {FirstArticles} articles in its feed {clock.Elapsed.TotalSeconds:0.0} s after start"));
            if (bombSources > 0)
            {
                // The bomb sources are busy when several of their pages have been served.
                await WaitForAsync(() => Task.FromResult(site.BombPagesServed >= 4), worker, deadline.Token);
            }

            var bombsBefore = site.BombPagesServed;
            var publishedAt = TimeProvider.System.GetUtcNow();
            var since = Stopwatch.StartNew();
            site.Publish(FirstArticles + NewArticles);
            var stored = await WaitForAsync(
                async () => await HealthyStored(http, baseAddress, site, deadline.Token) >= FirstArticles + NewArticles || since.Elapsed > timeout,
                worker, deadline.Token) && since.Elapsed <= timeout;
            var elapsed = since.Elapsed;
            // The cycles that had started by the time the last new article was fetched: the one that stored them and any before.
            var lastNewFetch = Enumerable.Range(FirstArticles + 1, NewArticles).Select(site.FirstFetchOf).Max() ?? DateTimeOffset.MaxValue;
            var cycles = site.HealthyListFetches.Where(t => t >= publishedAt && t <= lastNewFetch).ToList();
            var cycleToStored = cycles.Count == 0 ? TimeSpan.Zero : publishedAt + elapsed - cycles[0];
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{NewArticles} new articles published: {(stored ? "all in the feed" : "NOT all in the feed")} after {elapsed.TotalSeconds:0.0} s; "
                + $"healthy cycles started before the last new article was fetched: {cycles.Count}; first such cycle's start to stored: {cycleToStored.TotalSeconds:0.0} s; "
                + $"bomb pages served meanwhile: {site.BombPagesServed - bombsBefore} ({site.BombPagesServed} in all)"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"worker peak RSS {PeakRssMb(worker.Id)} MB, CPU {worker.TotalProcessorTime.TotalSeconds:0.0} s over {clock.Elapsed.TotalSeconds:0.0} s"));
            var withinOneCycle = stored && cycles.Count <= 1;
            output.WriteLine(withinOneCycle ? "stored within one cycle" : "NOT stored within one cycle");
            return withinOneCycle ? 0 : 1;
        }
        finally
        {
            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync(CancellationToken.None);
            directory.Delete(recursive: true);
        }
    }

    private static string WriteSources(string directory, BombSite site, int bombSources)
    {
        var hosts = new[] { ("healthy", "127.0.0.1", "0/5 * * * * ?"), ("bomb1", "127.0.0.2", "0/2 * * * * ?"), ("bomb2", "127.0.0.3", "0/2 * * * * ?") };
        var sources = hosts.Take(1 + bombSources).Select(s => new Dictionary<string, object>
        {
            ["id"] = s.Item1,
            ["name"] = s.Item1,
            ["schedule"] = s.Item3,
            ["startUrls"] = new[] { site.ListUrl(s.Item2).ToString() },
            ["recheckWindow"] = "00:00:01",
            ["articleLinks"] = new Dictionary<string, object> { ["selector"] = "a.article", ["urlPattern"] = "/article/\\d+$", ["maxArticles"] = BombSite.BombLinks },
            ["politeness"] = new Dictionary<string, object> { ["delay"] = "00:00:00.010", ["maxConcurrency"] = 4, ["obeyRobotsTxt"] = false },
        });
        var path = Path.Combine(directory, "sources.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new { sources }));
        return path;
    }

    private static Process StartWorker(string directory, string sourcesFile, out Uri baseAddress)
    {
        baseAddress = new Uri($"http://127.0.0.1:{FreePort().ToString(CultureInfo.InvariantCulture)}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "NewsFeedWorker.dll"), "run", "--sources", sourcesFile, "--data", directory, "--urls", baseAddress.ToString().TrimEnd('/') })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the worker.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>The healthy source's articles in the worker's feed (items linking to the healthy host).</summary>
    private static async Task<int> HealthyStored(HttpClient http, Uri worker, BombSite site, CancellationToken cancellationToken)
    {
        try
        {
            var json = await http.GetStringAsync(new Uri(worker, "/feeds/all.json?limit=500"), cancellationToken);
            using var feed = JsonDocument.Parse(json);
            var prefix = $"http://127.0.0.1:{site.Port.ToString(CultureInfo.InvariantCulture)}/article/";
            return feed.RootElement.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("url").GetString()?.StartsWith(prefix, StringComparison.Ordinal) == true);
        }
        catch (HttpRequestException)
        {
            return 0; // not serving yet, or no feed yet
        }
    }

    /// <summary>Polls every 100 ms; false when the worker exits first.</summary>
    private static async Task<bool> WaitForAsync(Func<Task<bool>> done, Process worker, CancellationToken cancellationToken)
    {
        while (!await done())
        {
            if (worker.HasExited)
            {
                throw new InvalidOperationException($"The worker exited with {worker.ExitCode}.");
            }

            await Task.Delay(100, cancellationToken);
        }

        return true;
    }

    private static long PeakRssMb(int pid)
    {
        var line = File.ReadLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? -1 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
