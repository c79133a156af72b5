using System.CommandLine;

namespace NewsFeedWorker.Cli;

/// <summary>Options several commands share, built fresh for each command (an option belongs to one command).</summary>
public static class CommonOptions
{
    public static Option<string> Sources() =>
        new("--sources") { Description = "The sources file. [config: Worker:SourcesFile; default: config/sources.json]", HelpName = "FILE" };

    public static Option<string> Data() =>
        new("--data") { Description = "Data directory: SQLite file, feed exports, state, logs. [config: Worker:DataDirectory; default: data]", HelpName = "DIR" };

    /// <summary>The command-line values as configuration overrides (only those given).</summary>
    public static Dictionary<string, string?> Overrides(ParseResult parseResult, Option<string> sources, Option<string> data)
    {
        var overrides = new Dictionary<string, string?>();
        if (parseResult.GetValue(sources) is { Length: > 0 } file)
        {
            overrides["Worker:SourcesFile"] = file;
        }

        if (parseResult.GetValue(data) is { Length: > 0 } directory)
        {
            overrides["Worker:DataDirectory"] = directory;
        }

        return overrides;
    }
}
