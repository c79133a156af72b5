using System.CommandLine;
using System.Globalization;
using NewsFeedWorker.Sources;
using NewsFeedWorker.Storage;
using Quartz;

namespace NewsFeedWorker.Cli;

/// <summary><c>sources</c>: every configured source with its schedule, next fire time (in the source's zone) and last state from the store.</summary>
public static class SourcesCommand
{
    public static Command Create()
    {
        var sources = CommonOptions.Sources();
        var data = CommonOptions.Data();
        var command = new Command("sources", "List the sources: schedule, next run in the source's time zone, last run, last success, failures in a row, articles in the last 24 h, last error. Exit 0, 2 for a bad sources file.")
        {
            sources,
            data,
        };
        command.SetAction((parseResult, cancellationToken) => AppServices.RunAsync(
            CommonOptions.Overrides(parseResult, sources, data),
            parseResult.InvocationConfiguration.Error,
            async services =>
            {
                var store = services.GetRequiredService<IFeedStore>();
                var statuses = await store.GetSourceStatusesAsync(cancellationToken);
                var drift = await store.GetDriftAsync(cancellationToken);
                Write(parseResult.InvocationConfiguration.Output, services.GetRequiredService<SourceCatalog>(), statuses, services.GetRequiredService<TimeProvider>(), drift);
                return ExitCodes.Ok;
            },
            cancellationToken));
        return command;
    }

    public static void Write(
        TextWriter output, SourceCatalog catalog, IReadOnlyList<SourceStatus> statuses, TimeProvider time,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? drift = null)
    {
        var byId = statuses.ToDictionary(s => s.SourceId, StringComparer.Ordinal);
        output.WriteLine($"{catalog.FilePath}: {catalog.Sources.Count} sources, {catalog.Sources.Count(s => s.Enabled)} enabled");
        foreach (var source in catalog.Sources)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(source.TimeZone);
            var status = byId.GetValueOrDefault(source.Id);
            output.WriteLine();
            output.WriteLine($"{source.Id}  {source.Name}{(source.Enabled ? "" : "  (disabled)")}");
            output.WriteLine($"  schedule       {source.Schedule}  ({source.TimeZone}, {(source.Selectors is null ? "generic" : "configured")} mode)");
            output.WriteLine($"  next run       {(source.Enabled ? NextRun(source, zone, time) : "disabled")}");
            output.WriteLine($"  last run       {Format(status?.LastRun, zone)}");
            output.WriteLine($"  last success   {Format(status?.LastSuccess, zone)}");
            output.WriteLine($"  failures       {status?.ConsecutiveFailures ?? 0} in a row ({status?.FailedPages ?? 0} failed pages in the last run)");
            output.WriteLine($"  articles       {status?.ArticlesLast24h ?? 0} in the last 24 h, {status?.TotalArticles ?? 0} stored");
            if (status?.LastError is { } error)
            {
                output.WriteLine($"  last error     {Format(status.LastErrorAt, zone)}: {error}");
            }

            foreach (var warning in drift?.GetValueOrDefault(source.Id) ?? [])
            {
                output.WriteLine($"  drift          {warning}");
            }
        }
    }

    private static string NextRun(SourceDefinition source, TimeZoneInfo zone, TimeProvider time) =>
        new CronExpression(source.Schedule, zone).GetNextValidTimeAfter(time.GetUtcNow()) is { } next
            ? Format(next, zone)
            : "never";

    private static string Format(DateTimeOffset? at, TimeZoneInfo zone) =>
        at is { } value ? TimeZoneInfo.ConvertTime(value, zone).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture) : "never";
}
