using System.CommandLine;

namespace NewsFeedWorker.Cli;

/// <summary>Options several commands share, built fresh for each command (an option belongs to one command).</summary>
public static class CommonOptions
{
    public static Option<string> Sources() =>
        new("--sources") { Description = "The sources file. [config: Worker:SourcesFile; default: config/sources.json]", HelpName = "FILE" };
}
