namespace NewsFeedWorker.Parsing;

/// <summary>
/// The CPU time one page's parse may still use, checked between the parse's stages (each linear in a page the markup
/// guard has bounded). Running out throws <see cref="PageTooComplexException"/>; the caller's token is checked with it.
/// </summary>
internal sealed class PageBudget(TimeSpan limit, CancellationToken cancellationToken)
{
    private readonly TimeSpan start = ThreadCpuClock.Now();

    public TimeSpan Limit => limit;

    public void Check()
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (ThreadCpuClock.Now() - start > limit)
        {
            throw new PageTooComplexException();
        }
    }
}
