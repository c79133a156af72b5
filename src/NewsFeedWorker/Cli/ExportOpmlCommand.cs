using System.CommandLine;

namespace NewsFeedWorker.Cli;

/// <summary><c>export-opml</c>: writes an OPML list of every feed.</summary>
public static class ExportOpmlCommand
{
    public static Command Create() => new("export-opml", "Write an OPML file listing every feed.");
}
