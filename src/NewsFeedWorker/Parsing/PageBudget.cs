namespace NewsFeedWorker.Parsing;

/// <summary>
/// The CPU time one page's parse may still use, checked between the parse's stages (each linear in a page the markup
/// guard has bounded). Running out throws <see cref="PageTooComplexException"/>; the caller's token is checked with it.
/// </summary>
internal sealed class PageBudget(TimeSpan limit, CancellationToken cancellationToken)
{
    private readonly TimeSpan start = ThreadCpuClock.Now();

    private readonly long startedAt = System.Diagnostics.Stopwatch.GetTimestamp();

    public TimeSpan Limit => limit;

    public void Check()
    {
        cancellationToken.ThrowIfCancellationRequested();

        // One thread cannot have used more CPU time than has passed: the clock is read (a system call) only after that.
        if (System.Diagnostics.Stopwatch.GetElapsedTime(startedAt) > limit && ThreadCpuClock.Now() - start > limit)
        {
            throw new PageTooComplexException();
        }
    }
}
