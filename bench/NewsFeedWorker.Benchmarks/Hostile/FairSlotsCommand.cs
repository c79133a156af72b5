using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Scheduling;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Benchmarks.Hostile;

/// <summary>
/// <c>fair-slots</c>: a healthy source's pages parsed through the shared parse gate (2 slots) alone, then while two
/// sources parse nothing but the costliest page the markup guard lets through, each one page at a time as a cycle does.
/// </summary>
internal static class FairSlotsCommand
{
    private static readonly Uri PageUrl = new("https://news.example.kr/sample/news/articleView.html?idxno=1001");

    private static readonly SourceDefinition Generic = new() { Id = "fair", Name = "fair", Schedule = "0 */15 * * * ?", StartUrls = [PageUrl] };

    public static Command Create(TextWriter output)
    {
        var command = new Command("fair-slots", "A healthy source's parse time alone and beside two sources of bomb pages");
        command.SetAction(async (_, cancellationToken) =>
        {
            var healthy = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "SampleSite", "news"), "article-*.html").Select(File.ReadAllBytes).ToList();
            var bomb = BombPages.All().First(p => p.Name.StartsWith("95,000", StringComparison.Ordinal)).Body;
            var parser = new PageParser();
            var gate = new ParseGate(2);
            foreach (var page in healthy.Append(bomb))
            {
                parser.Parse(page, Encoding.UTF8, PageUrl, Generic, DateTimeOffset.UnixEpoch, cancellationToken); // JIT warm-up
            }

            var alone = await HealthySourceAsync(parser, gate, healthy, cancellationToken);
            using var stop = new CancellationTokenSource();
            var bombParses = 0;
            var bombSources = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    await gate.RunAsync("bomb", () => parser.Parse(bomb, Encoding.UTF8, PageUrl, Generic, DateTimeOffset.UnixEpoch), CancellationToken.None);
                    Interlocked.Increment(ref bombParses);
                }
            })).ToList();
            SpinWait.SpinUntil(() => gate.Running == 2);
            var beside = await HealthySourceAsync(parser, gate, healthy, cancellationToken);
            stop.Cancel();
            await Task.WhenAll(bombSources);

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"healthy source, {healthy.Count} pages: alone {alone.TotalMilliseconds:0} ms; beside two bomb sources {beside.TotalMilliseconds:0} ms ({bombParses} bomb pages parsed meanwhile)"));
            return 0;
        });
        return command;
    }

    /// <summary>One page after the other through the gate, as a source's cycle parses.</summary>
    private static async Task<TimeSpan> HealthySourceAsync(PageParser parser, ParseGate gate, List<byte[]> pages, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        foreach (var page in pages)
        {
            await gate.RunAsync("healthy", () => parser.Parse(page, Encoding.UTF8, PageUrl, Generic, DateTimeOffset.UnixEpoch), cancellationToken);
        }

        return clock.Elapsed;
    }
}
