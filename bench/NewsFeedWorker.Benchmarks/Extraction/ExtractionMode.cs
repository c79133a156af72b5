namespace NewsFeedWorker.Benchmarks.Extraction;

/// <summary>Which product entry point "full generic extraction" is measured through.</summary>
internal enum ExtractionMode
{
    /// <summary>Try <see cref="PageParser"/>, fall back to <see cref="GenericExtractor"/> while the parse stage is unimplemented.</summary>
    Auto,

    /// <summary><c>PageParser.Parse</c> with a source that has no selectors: decode, parse, generic extraction, weather, sanitising.</summary>
    PageParser,

    /// <summary><c>HtmlParser.ParseDocument</c> then <c>GenericExtractor.Extract</c>: the generic extractor alone.</summary>
    GenericExtractor,
}
