using System.CommandLine;
using NewsFeedWorker.Hosting;

namespace NewsFeedWorker.Cli;

/// <summary>
/// The command line: <c>run</c> (default), <c>check-config</c>, <c>sources</c>, <c>scrape</c>, <c>suggest</c>, <c>backfill</c>,
/// <c>export-opml</c>, <c>health-probe</c>. Exit codes everywhere: 0 ok, 1 runtime failure, 2 bad settings or usage.
/// </summary>
public static class WorkerCommandLine
{
    public static RootCommand Create()
    {
        var root = new RootCommand("NewsFeedWorker: turns news sites without feeds into RSS, Atom and JSON feeds. Exit codes: 0 ok, 1 runtime failure, 2 bad settings or usage.");
        RunCommand.AddTo(root);
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(CheckConfigCommand.Create());
        root.Subcommands.Add(SourcesCommand.Create());
        root.Subcommands.Add(ScrapeCommand.Create());
        root.Subcommands.Add(BackfillCommand.Create());
        root.Subcommands.Add(SuggestCommand.Create());
        root.Subcommands.Add(ExportOpmlCommand.Create());
        root.Subcommands.Add(TopicsCommand.Create());
        root.Subcommands.Add(HealthProbeCommand.Create());
        return root;
    }

    /// <summary>Parses and runs; a command line that does not parse (unknown option, bad value) exits 2 like a bad setting.</summary>
    public static async Task<int> InvokeAsync(string[] args, InvocationConfiguration configuration, CancellationToken cancellationToken = default)
    {
        var parseResult = Create().Parse(args);
        var exitCode = await parseResult.InvokeAsync(configuration, cancellationToken);
        return parseResult.Errors.Count > 0 ? ExitCodes.BadConfiguration : exitCode;
    }

    /// <summary>
    /// The worker's services, configured as <c>run</c> would be (settings file, environment), for commands that need
    /// them without running the worker; built only when such a command runs.
    /// </summary>
    /// <exception cref="Sources.SourcesFileException">The sources file is missing or invalid.</exception>
    public static IServiceProvider BuildAppServices() => WorkerHost.Build(new Dictionary<string, string?>()).Services;
}
