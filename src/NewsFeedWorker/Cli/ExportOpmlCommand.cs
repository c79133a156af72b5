using System.CommandLine;
using NewsFeedWorker.Publishing.Serving;

namespace NewsFeedWorker.Cli;

/// <summary><c>export-opml</c>: writes an OPML list of every feed.</summary>
public static class ExportOpmlCommand
{
    private const string Description = "Write an OPML file listing every feed (links use Publishing:PublicBaseUrl). Exit 0, 2 for a bad sources file.";

    /// <summary>The command as the command line has it: <c>--sources</c> and <c>--data</c> pick the worker's settings.</summary>
    public static Command Create()
    {
        var output = OutputOption();
        var sources = CommonOptions.Sources();
        var data = CommonOptions.Data();
        var command = new Command("export-opml", Description) { output, sources, data };
        command.SetAction((parseResult, cancellationToken) => AppServices.RunAsync(
            CommonOptions.Overrides(parseResult, sources, data),
            parseResult.InvocationConfiguration.Error,
            provider => WriteAsync(provider, parseResult.GetValue(output), cancellationToken),
            cancellationToken));
        return command;
    }

    /// <param name="services">Builds the app's services when the command runs (not when the command line is parsed).</param>
    public static Command Create(Func<IServiceProvider> services)
    {
        var output = OutputOption();
        var command = new Command("export-opml", Description) { output };
        command.SetAction((parseResult, cancellationToken) => WriteAsync(services(), parseResult.GetValue(output), cancellationToken));
        return command;
    }

    private static Option<FileInfo?> OutputOption() => new("--output", "-o")
    {
        Description = "Write to this file (atomically) instead of standard output.",
    };

    private static async Task<int> WriteAsync(IServiceProvider provider, FileInfo? file, CancellationToken cancellationToken)
    {
        var publisher = provider.GetRequiredService<FeedPublisher>();
        var opml = await provider.GetRequiredService<FeedCache>().GetOpmlAsync(publisher.ExportLinks, cancellationToken);
        if (file is not null)
        {
            await provider.GetRequiredService<StaticExport>().WriteAsync(file.FullName, opml.Content, cancellationToken);
        }
        else
        {
            await using var stdout = Console.OpenStandardOutput();
            await stdout.WriteAsync(opml.Content, cancellationToken);
        }

        return ExitCodes.Ok;
    }
}
