using System.CommandLine;
using NewsFeedWorker.Publishing;

namespace NewsFeedWorker.Cli;

/// <summary><c>export-opml</c>: writes an OPML list of every feed.</summary>
public static class ExportOpmlCommand
{
    /// <param name="services">Builds the app's services when the command runs (not when the command line is parsed).</param>
    public static Command Create(Func<IServiceProvider> services)
    {
        var output = new Option<FileInfo?>("--output", "-o")
        {
            Description = "Write to this file (atomically) instead of standard output.",
        };
        var command = new Command("export-opml", "Write an OPML file listing every feed (links use Publishing:PublicBaseUrl).")
        {
            output,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var provider = services();
            var publisher = provider.GetRequiredService<FeedPublisher>();
            var opml = await provider.GetRequiredService<FeedCache>().GetOpmlAsync(publisher.ExportLinks, cancellationToken);
            if (parseResult.GetValue(output) is { } file)
            {
                await provider.GetRequiredService<StaticExport>().WriteAsync(file.FullName, opml.Content, cancellationToken);
            }
            else
            {
                await using var stdout = Console.OpenStandardOutput();
                await stdout.WriteAsync(opml.Content, cancellationToken);
            }

            return 0;
        });
        return command;
    }
}
