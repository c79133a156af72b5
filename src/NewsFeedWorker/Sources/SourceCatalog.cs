using Microsoft.Extensions.Options;

namespace NewsFeedWorker.Sources;

/// <summary>The sources currently in force; replaced as a whole when the sources file changes and validates.</summary>
public sealed partial class SourceCatalog
{
    private readonly Lock gate = new();
    private readonly ILogger<SourceCatalog> logger;
    private Snapshot current;

    /// <exception cref="SourcesFileException">The sources file is missing or invalid: start-up stops.</exception>
    public SourceCatalog(IOptions<SourcesOptions> options, ILogger<SourceCatalog> logger)
    {
        this.logger = logger;
        FilePath = options.Value.SourcesFilePath;
        current = new Snapshot(SourcesFileLoader.LoadFile(FilePath), Version: 1);
        Log.Loaded(this.logger, FilePath, current.File.Sources.Count);
    }

    /// <summary>Raised after a successful reload with the new list (on the reloading thread).</summary>
    public event Action<IReadOnlyList<SourceDefinition>>? Changed;

    public string FilePath { get; }

    public IReadOnlyList<SourceDefinition> Sources => Volatile.Read(ref current).File.Sources;

    /// <summary>The topics in force; replaced with the sources on every accepted reload.</summary>
    public IReadOnlyList<TopicDefinition> Topics => Volatile.Read(ref current).File.Topics;

    /// <summary>Grows by one with every successful reload.</summary>
    public int Version => Volatile.Read(ref current).Version;

    /// <summary>The message of the last rejected edit, until a good one replaces it.</summary>
    public string? LastReloadError { get; private set; }

    public SourceDefinition? Find(string id) =>
        Sources.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>Re-reads the file; an invalid file is logged and the running sources stay.</summary>
    /// <returns>True when the new file was taken.</returns>
    public bool Reload()
    {
        SourcesFile file;
        try
        {
            file = SourcesFileLoader.LoadFile(FilePath);
        }
        catch (SourcesFileException ex)
        {
            LastReloadError = ex.Message;
            Log.ReloadRejected(this.logger, FilePath, ex.Message);
            return false;
        }

        lock (gate)
        {
            current = new Snapshot(file, current.Version + 1);
            LastReloadError = null;
        }

        Log.Reloaded(this.logger, FilePath, file.Sources.Count);
        Changed?.Invoke(file.Sources);
        return true;
    }

    private sealed record Snapshot(SourcesFile File, int Version);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Loaded {Count} sources from {Path}")]
        public static partial void Loaded(ILogger logger, string path, int count);

        [LoggerMessage(2, LogLevel.Information, "Reloaded {Count} sources from {Path}")]
        public static partial void Reloaded(ILogger logger, string path, int count);

        [LoggerMessage(3, LogLevel.Error, "Rejected the edit of {Path}; the running sources stay in force. {Reason}")]
        public static partial void ReloadRejected(ILogger logger, string path, string reason);
    }
}
