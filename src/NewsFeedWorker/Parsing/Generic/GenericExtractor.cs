using AngleSharp.Html.Dom;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>Finds an article in a page nobody wrote selectors for: JSON-LD, meta, hydration data, then content scoring.</summary>
public sealed class GenericExtractor
{
    public GenericExtraction Extract(IHtmlDocument document, Uri pageUrl)
        => throw new NotImplementedException("generic extraction");
}
