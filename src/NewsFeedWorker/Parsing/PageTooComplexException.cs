namespace NewsFeedWorker.Parsing;

/// <summary>A page's parse used up its <see cref="ParsingOptions.MaxPageTime"/>; caught by <see cref="PageParser"/> and turned into a failed page.</summary>
public sealed class PageTooComplexException : Exception
{
    public PageTooComplexException()
        : base("the page's parse ran out of time")
    {
    }

    public PageTooComplexException(string message)
        : base(message)
    {
    }

    public PageTooComplexException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
