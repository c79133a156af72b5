using System.ComponentModel.DataAnnotations;

namespace NewsFeedWorker.Sources;

/// <summary>Where the sources file is and how edits to it are picked up (keys of the <c>Worker</c> section).</summary>
public sealed class SourcesOptions
{
    /// <summary>The settings section; the keys predate the per-stage classes and stay where users wrote them.</summary>
    public const string Section = "Worker";

    /// <summary>The sources file (relative paths are from the working directory).</summary>
    [Required]
    public string SourcesFile { get; set; } = "config/sources.json";

    /// <summary>Watch the sources file and apply edits without a restart.</summary>
    public bool WatchSourcesFile { get; set; } = true;

    /// <summary>Quiet time after the last change to the sources file before it is re-read (editors write in bursts).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ReloadDebounce { get; set; } = TimeSpan.FromMilliseconds(500);

    public string SourcesFilePath => Path.GetFullPath(SourcesFile);
}
