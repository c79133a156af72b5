using System.CommandLine;
using NewsFeedWorker.Hosting;

namespace NewsFeedWorker.Cli;

/// <summary>The command line: <c>run</c> (default), <c>check-config</c>, <c>scrape</c>, <c>export-opml</c>, <c>health-probe</c>.</summary>
public static class WorkerCommandLine
{
    public static RootCommand Create()
    {
        var root = new RootCommand("NewsFeedWorker: turns news sites without feeds into RSS, Atom and JSON feeds.");
        RunCommand.AddTo(root);
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(CheckConfigCommand.Create());
        root.Subcommands.Add(ScrapeCommand.Create());
        root.Subcommands.Add(ExportOpmlCommand.Create(BuildAppServices));
        root.Subcommands.Add(HealthProbeCommand.Create());
        return root;
    }

    /// <summary>
    /// The worker's services, configured as <c>run</c> would be (settings file, environment), for commands that need
    /// them without running the worker; built only when such a command runs.
    /// </summary>
    /// <exception cref="Sources.SourcesFileException">The sources file is missing or invalid.</exception>
    public static IServiceProvider BuildAppServices() => WorkerHost.Build(new Dictionary<string, string?>()).Services;
}
