using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Scheduling;

/// <summary>One run of one source. The seam between the Quartz job and <see cref="ScrapeCycle"/> (tests put a fake behind it).</summary>
public interface ISourceCycle
{
    Task RunAsync(SourceDefinition source, CancellationToken cancellationToken);
}
