using System.CommandLine;
using NewsFeedWorker.Hosting;
using NewsFeedWorker.Sources;
using Quartz;

namespace NewsFeedWorker.Cli;

/// <summary><c>check-config</c>: validates the sources file exactly as start-up does and lists what would run.</summary>
public static class CheckConfigCommand
{
    public static Command Create()
    {
        var sources = CommonOptions.Sources();
        var command = new Command("check-config", "Validate the sources file (same checks and messages as start-up) and list the sources; exit 0 when valid, 2 when not.");
        command.Options.Add(sources);
        command.SetAction(parseResult => Run(
            parseResult.GetValue(sources),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            TimeProvider.System));
        return command;
    }

    public static int Run(string? sourcesFile, TextWriter output, TextWriter error, TimeProvider time)
    {
        var overrides = new Dictionary<string, string?>();
        if (!string.IsNullOrWhiteSpace(sourcesFile))
        {
            overrides["Worker:SourcesFile"] = sourcesFile;
        }

        var options = WorkerConfiguration.BuildStandalone(overrides).GetSection(SourcesOptions.Section).Get<SourcesOptions>() ?? new SourcesOptions();
        SourcesFile file;
        try
        {
            file = SourcesFileLoader.LoadFile(options.SourcesFile);
        }
        catch (SourcesFileException ex)
        {
            error.WriteLine($"Configuration error: {ex.Message}");
            return ExitCodes.BadConfiguration;
        }

        var loaded = file.Sources;
        output.WriteLine($"{options.SourcesFile}: {loaded.Count} sources, {loaded.Count(s => s.Enabled)} enabled, {file.Topics.Count} topics. OK.");
        foreach (var source in loaded)
        {
            var mode = source.Selectors is null ? "generic" : "configured";
            var next = source.Enabled ? NextRun(source, time) : "disabled";
            output.WriteLine($"  {source.Id,-20} {mode,-10} {source.Schedule,-20} {source.TimeZone,-16} next {next}  {source.Name}");
        }

        foreach (var topic in file.Topics)
        {
            var alerts = topic.Alerts.Count == 0 ? "no alerts" : string.Join(", ", topic.Alerts.Select(a => a.Describe()));
            output.WriteLine($"  topic {topic.Id,-14} {alerts}  {topic.Name}");
        }

        // Valid but costly: said here, not at start-up, because finding out takes a few probes of up to 100 ms.
        foreach (var source in loaded)
        {
            if (source.ArticleLinks.UrlPattern is { } pattern && UrlPatternRegex.CatastrophicBacktracking(pattern) is { } warning)
            {
                output.WriteLine($"warning: source \"{source.Id}\", key \"articleLinks.urlPattern\" ({pattern}): {warning}.");
            }
        }

        return ExitCodes.Ok;
    }

    private static string NextRun(SourceDefinition source, TimeProvider time)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(source.TimeZone);
        var cron = new CronExpression(source.Schedule, zone);
        return cron.GetNextValidTimeAfter(time.GetUtcNow()) is { } next
            ? TimeZoneInfo.ConvertTime(next, zone).ToString("yyyy-MM-dd HH:mm:ss zzz", System.Globalization.CultureInfo.InvariantCulture)
            : "never";
    }
}
