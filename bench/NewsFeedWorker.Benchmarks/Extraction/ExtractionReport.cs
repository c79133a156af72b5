namespace NewsFeedWorker.Benchmarks.Extraction;

/// <summary>The one JSON object <c>extract --json</c> prints.</summary>
internal sealed record ExtractionReport
{
    /// <summary>The entry point measured as "extract": <c>PageParser.Parse</c> (generic source) or <c>GenericExtractor.Extract</c>.</summary>
    public required string Mode { get; init; }

    public required int Pages { get; init; }

    /// <summary>Pages left out of both timings because parse or extraction threw on them.</summary>
    public required int FailedPages { get; init; }

    public required IReadOnlyList<PageFailure> Failures { get; init; }

    /// <summary>Pages the extractor found an article on.</summary>
    public required int ArticlesFound { get; init; }

    public required long MeanPageBytes { get; init; }

    public required int Rounds { get; init; }

    public required bool Smoke { get; init; }

    /// <summary>UTF-8 decode + AngleSharp <c>HtmlParser.ParseDocument</c>, single-threaded.</summary>
    public required double ParsePagesPerSec { get; init; }

    /// <summary>Full generic extraction (parse included), single-threaded.</summary>
    public required double ExtractPagesPerSec { get; init; }

    /// <summary>Extract time over parse time for the same pages (target ≤ 1.5).</summary>
    public required double ExtractToParseTimeRatio { get; init; }

    /// <summary>The same ratio in the benchmark thread's CPU time: what a loaded machine's other processes disturb least.</summary>
    public required double ExtractToParseCpuTimeRatio { get; init; }

    /// <summary>Share of the parse passes' wall time the runtime spent paused for garbage collections.</summary>
    public required double ParseGcPauseShare { get; init; }

    /// <summary>Share of the extract passes' wall time spent paused for garbage collections.</summary>
    public required double ExtractGcPauseShare { get; init; }

    /// <summary>Gen1 collections (gen2 ones included) per 100 pages parsed: a collection that marks a live document.</summary>
    public required double ParseGen1CollectionsPer100Pages { get; init; }

    public required double ExtractGen1CollectionsPer100Pages { get; init; }

    /// <summary>Full (gen2) collections per 100 pages parsed.</summary>
    public required double ParseGen2CollectionsPer100Pages { get; init; }

    public required double ExtractGen2CollectionsPer100Pages { get; init; }

    public required long ParseAllocatedBytesPerPage { get; init; }

    public required long ExtractAllocatedBytesPerPage { get; init; }

    /// <summary>Bytes allocated while parsing over the bytes of the pages parsed.</summary>
    public required double ParseAllocatedToPageSize { get; init; }

    /// <summary>Bytes allocated while extracting over the bytes of the pages (target ≤ 2).</summary>
    public required double ExtractAllocatedToPageSize { get; init; }

    public required string Runtime { get; init; }

    public required int ProcessorCount { get; init; }
}
