using System.CommandLine;

namespace NewsFeedWorker.Cli;

/// <summary><c>scrape</c>: a dry run of fetch and parse for one source or one URL; nothing is stored.</summary>
public static class ScrapeCommand
{
    public static Command Create() => new("scrape", "Fetch and parse once without storing anything (dry run).");
}
