using System.Diagnostics;
using System.Text.Json;

namespace NewsFeedWorker.IntegrationTests.Publishing;

/// <summary>Runs Debian's Universal Feed Parser (python3-feedparser) on feed URLs and returns what it understood.</summary>
public static class FeedParserRun
{
    private const string Python = "/usr/bin/python3";

    public static async Task<JsonElement[]> ParseAsync(IEnumerable<Uri> urls)
    {
        await RequireAsync();
        var script = Path.Combine(AppContext.BaseDirectory, "TestData", "Publishing", "feedcheck.py");
        var (exit, stdout, stderr) = await RunAsync(Python, [script, .. urls.Select(u => u.AbsoluteUri)]);
        Assert.True(exit == 0, $"feedparser run failed ({exit}): {stderr}");
        return JsonDocument.Parse(stdout).RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    private static async Task RequireAsync()
    {
        var (exit, _, _) = File.Exists(Python) ? await RunAsync(Python, ["-c", "import feedparser"]) : (-1, "", "");
        Assert.True(exit == 0, "Universal Feed Parser is not installed: install the Debian package python3-feedparser (apt-get install python3-feedparser).");
    }

    internal static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string file, IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        start.Environment["PYTHONIOENCODING"] = "utf-8";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
