namespace NewsFeedWorker.Parsing;

/// <summary>How a field of an article was obtained.</summary>
public enum ExtractionMethod
{
    Selector,
    JsonLd,
    Meta,
    Script,
    Heuristic,
}
