using NewsFeedWorker.Hosting;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Cli;

/// <summary>
/// The worker's services for a command that works on the store without running the worker (sources, backfill):
/// configured as <c>run</c> would be, schema migrated, nothing scheduled or served. A settings problem becomes exit code
/// 2 with one message, as for <c>run</c>.
/// </summary>
public static class AppServices
{
    public static async Task<int> RunAsync(
        IReadOnlyDictionary<string, string?> overrides,
        TextWriter error,
        Func<IServiceProvider, Task<int>> command,
        CancellationToken cancellationToken)
    {
        // A command's output is its report; the worker's informational log lines would only interleave with it.
        var quiet = new Dictionary<string, string?>(overrides) { ["Serilog:MinimumLevel:Default"] = "Warning" };
        WebApplication app;
        try
        {
            app = WorkerHost.Build(quiet);
        }
        catch (Exception ex) when (RunCommand.ConfigurationProblem(ex) is { } message)
        {
            await error.WriteLineAsync($"Configuration error: {message}".AsMemory(), cancellationToken);
            return ExitCodes.BadConfiguration;
        }

        await using (app)
        {
            await app.Services.GetRequiredService<IFeedStore>().MigrateAsync(cancellationToken);
            return await command(app.Services);
        }
    }
}
