using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Benchmarks.Hostile;

/// <summary>
/// <c>bombs</c>: how long PageParser takes on each markup bomb (with the default <c>Parsing:MaxPageTime</c>) and what it
/// answers; every page must end within the budget, as an article, "no article" or "too complex".
/// </summary>
internal static class BombsCommand
{
    private static readonly Uri PageUrl = new("https://news.example.kr/news/articleView.html?idxno=1");

    private static readonly SourceDefinition Generic = new()
    {
        Id = "bombs",
        Name = "bombs",
        Schedule = "0 */15 * * * ?",
        StartUrls = [PageUrl],
    };

    public static Command Create(TextWriter output)
    {
        var only = new Option<string?>("--only") { Description = "Only the pages whose name contains this text (to profile one)" };
        var command = new Command("bombs", "PageParser wall and CPU time on each markup bomb page, and its answer") { only };
        command.SetAction(parseResult =>
        {
            var filter = parseResult.GetValue(only) ?? "";
            var parser = new PageParser();
            var budget = new ParsingOptions().MaxPageTime;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"budget (Parsing:MaxPageTime) {budget.TotalMilliseconds:0} ms; {Environment.ProcessorCount} processors"));
            output.WriteLine($"{"page",-62} {"bytes",10} {"wall ms",8} {"cpu ms",8}  answer");
            var over = 0;
            foreach (var (name, body) in BombPages.All().Where(p => p.Name.Contains(filter, StringComparison.Ordinal)))
            {
                // Each page is parsed once unmeasured: a running worker's parser code is already compiled by the optimizing
                // JIT tier, which a first parse would otherwise pay for inside the measurement.
                parser.Parse(body, Encoding.UTF8, PageUrl, Generic, DateTimeOffset.UnixEpoch);
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var wall = Stopwatch.StartNew();
                var result = parser.Parse(body, Encoding.UTF8, PageUrl, Generic, DateTimeOffset.UnixEpoch);
                wall.Stop();
                var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
                var answer = result.Failure ?? result.NoArticleReason ?? $"article \"{result.Article?.Title}\"";
                over += wall.Elapsed > budget ? 1 : 0;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-62} {body.Length,10:N0} {wall.Elapsed.TotalMilliseconds,8:0} {cpuMs,8:0}  {answer}"));
            }

            output.WriteLine(over == 0 ? "every page ended within the budget" : $"{over} page(s) ran past the budget");
            return over == 0 ? 0 : 1;
        });
        return command;
    }
}
