using System.CommandLine;
using NewsFeedWorker.Scheduling;
using NewsFeedWorker.Sources;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Cli;

/// <summary>
/// <c>backfill SOURCE_ID --pages N</c>: one cycle of the source that follows its list pages back N pages (its
/// <c>articleLinks.nextPage</c> pagination) and stores every article found, exactly as a scheduled cycle would.
/// </summary>
public static class BackfillCommand
{
    /// <summary>Articles one backfill handles at most, whatever the source's <c>maxArticles</c>.</summary>
    public const int MaxArticles = 10_000;

    public static Command Create()
    {
        var sourceId = new Argument<string>("SOURCE_ID") { Description = "The source to fill (its id in the sources file)." };
        var pages = new Option<int>("--pages", "-n")
        {
            Description = "List pages to walk back from each start URL (1-1000).",
            HelpName = "N",
            DefaultValueFactory = _ => 10,
        };
        pages.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 1000)
            {
                result.AddError("--pages must be between 1 and 1000.");
            }
        });
        var sources = CommonOptions.Sources();
        var data = CommonOptions.Data();
        var command = new Command("backfill", "Walk a source's list pages back N pages and store every article found, like a normal cycle (feeds are re-published). Shows a progress bar on a terminal. Exit 0 when done, 1 when the source failed, 2 for a bad sources file or unknown source.")
        {
            sourceId,
            pages,
            sources,
            data,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            return AppServices.RunAsync(
                CommonOptions.Overrides(parseResult, sources, data),
                error,
                services => RunAsync(services, parseResult.GetValue(sourceId)!, parseResult.GetValue(pages), output, error, cancellationToken),
                cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(IServiceProvider services, string sourceId, int pages, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var catalog = services.GetRequiredService<SourceCatalog>();
        if (catalog.Find(sourceId) is not { } source)
        {
            await error.WriteLineAsync($"backfill: no source '{sourceId}' in {catalog.FilePath}. Known: {string.Join(", ", catalog.Sources.Select(s => s.Id))}".AsMemory(), cancellationToken);
            return ExitCodes.BadConfiguration;
        }

        var deep = source with { ArticleLinks = source.ArticleLinks with { MaxPages = pages, MaxArticles = MaxArticles } };
        await using var scope = services.CreateAsyncScope();
        var cycle = scope.ServiceProvider.GetRequiredService<ScrapeCycle>();
        var last = await CycleProgressDisplay.RunAsync($"backfill {source.Id}", output, async progress =>
        {
            var latest = new LatestProgress(progress);
            await cycle.RunAsync(deep, latest, cancellationToken);
            return latest.Value;
        });

        var status = (await services.GetRequiredService<IFeedStore>().GetSourceStatusesAsync(cancellationToken)).FirstOrDefault(s => s.SourceId == source.Id);
        await output.WriteLineAsync($"backfill {source.Id}: {last?.ListPages ?? 0} list pages, {last?.ArticleLinks ?? 0} article links, {last?.New ?? 0} new, {last?.Updated ?? 0} updated, {last?.Failures ?? 0} failures; {status?.TotalArticles ?? 0} articles stored for this source.".AsMemory(), cancellationToken);
        if (last is { Failures: > 0, ListPages: 0 })
        {
            await error.WriteLineAsync($"backfill: {status?.LastError ?? "no list page could be read"}".AsMemory(), cancellationToken);
            return ExitCodes.Failure;
        }

        return ExitCodes.Ok;
    }

    /// <summary>Passes reports on and keeps the last one for the summary line.</summary>
    private sealed class LatestProgress(IProgress<CycleProgress> inner) : IProgress<CycleProgress>
    {
        public CycleProgress? Value { get; private set; }

        public void Report(CycleProgress value)
        {
            Value = value;
            inner.Report(value);
        }
    }
}
