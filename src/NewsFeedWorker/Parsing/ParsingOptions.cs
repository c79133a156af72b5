using System.ComponentModel.DataAnnotations;

namespace NewsFeedWorker.Parsing;

/// <summary>The <c>Parsing</c> settings section: how much work one page may cost.</summary>
public sealed class ParsingOptions
{
    public const string SectionName = "Parsing";

    /// <summary>
    /// CPU time (of the parsing thread, so a loaded machine does not count against a page) one page's parse may take; a page still parsing then is dropped as "too complex" (logged, counted as a
    /// failed page). Real article pages parse in milliseconds; this only stops hostile or broken markup.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan MaxPageTime { get; set; } = TimeSpan.FromSeconds(2);
}
