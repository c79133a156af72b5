using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace NewsFeedWorker.Sources;

/// <summary>Re-reads the sources file after it changes, once the writes have settled (editors save in bursts).</summary>
public sealed partial class SourcesFileWatcher(
    SourceCatalog catalog,
    IOptions<SourcesOptions> options,
    TimeProvider time,
    ILogger<SourcesFileWatcher> logger) : IHostedService, IDisposable
{
    private readonly Lock gate = new();
    private PhysicalFileProvider? files;
    private IDisposable? subscription;
    private ITimer? debounce;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.WatchSourcesFile)
        {
            return Task.CompletedTask;
        }

        var directory = Path.GetDirectoryName(catalog.FilePath)!;
        var fileName = Path.GetFileName(catalog.FilePath);
        files = new PhysicalFileProvider(directory);
        subscription = ChangeToken.OnChange(() => files.Watch(fileName), OnFileChanged);
        Log.Watching(logger, catalog.FilePath);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        lock (gate)
        {
            subscription?.Dispose();
            subscription = null;
            debounce?.Dispose();
            debounce = null;
            files?.Dispose();
            files = null;
        }
    }

    private void OnFileChanged()
    {
        lock (gate)
        {
            if (subscription is null)
            {
                return;
            }

            // Every change restarts the quiet period; the file is read once it has passed.
            debounce ??= time.CreateTimer(_ => catalog.Reload(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            debounce.Change(options.Value.ReloadDebounce, Timeout.InfiniteTimeSpan);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Watching {Path} for changes")]
        public static partial void Watching(ILogger logger, string path);
    }
}
