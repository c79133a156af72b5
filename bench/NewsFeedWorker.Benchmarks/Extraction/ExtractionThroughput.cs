using System.Diagnostics;
using System.Runtime.InteropServices;
using NewsFeedWorker.Parsing;

namespace NewsFeedWorker.Benchmarks.Extraction;

/// <summary>Pages per second for parse only and for full extraction over a corpus: single-threaded, after warm-up.</summary>
internal sealed class ExtractionThroughput(PageExtractor extractor, ThroughputSettings settings)
{
    public ExtractionReport Run(IReadOnlyList<CorpusPage> pages)
    {
        var (usable, failures, articles) = Validate(pages);
        if (usable.Count == 0)
        {
            throw new InvalidOperationException($"All {pages.Count} pages failed; first error: {failures[0].Error}");
        }

        var warmupEnd = Stopwatch.GetTimestamp() + (long)(settings.Warmup.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < warmupEnd)
        {
            Round(usable, parseOnly: true);
            Round(usable, parseOnly: false);
        }

        // Rounds alternate parse and extract so that noise from the rest of the machine falls on both alike.
        var parse = default(Pass);
        var extract = default(Pass);
        var rounds = 0;
        while (rounds < settings.MinRounds || parse.Seconds + extract.Seconds < settings.MinMeasured.TotalSeconds)
        {
            parse += Round(usable, parseOnly: true);
            extract += Round(usable, parseOnly: false);
            rounds++;
        }

        var pageBytes = usable.Sum(p => (long)p.Bytes.Length);
        var measuredPages = (double)usable.Count * rounds;
        return new ExtractionReport
        {
            Mode = extractor.Description,
            Pages = usable.Count,
            FailedPages = failures.Count,
            Failures = failures,
            ArticlesFound = articles,
            MeanPageBytes = pageBytes / usable.Count,
            Rounds = rounds,
            Smoke = settings.IsSmoke,
            ParsePagesPerSec = measuredPages / parse.Seconds,
            ExtractPagesPerSec = measuredPages / extract.Seconds,
            ExtractToParseTimeRatio = extract.Seconds / parse.Seconds,
            ExtractToParseCpuTimeRatio = extract.CpuSeconds / parse.CpuSeconds,
            ParseGcPauseShare = parse.GcPauseSeconds / parse.Seconds,
            ExtractGcPauseShare = extract.GcPauseSeconds / extract.Seconds,
            ParseGen1CollectionsPer100Pages = parse.Gen1 * 100 / measuredPages,
            ExtractGen1CollectionsPer100Pages = extract.Gen1 * 100 / measuredPages,
            ParseGen2CollectionsPer100Pages = parse.Gen2 * 100 / measuredPages,
            ExtractGen2CollectionsPer100Pages = extract.Gen2 * 100 / measuredPages,
            ParseAllocatedBytesPerPage = (long)(parse.AllocatedBytes / measuredPages),
            ExtractAllocatedBytesPerPage = (long)(extract.AllocatedBytes / measuredPages),
            ParseAllocatedToPageSize = parse.AllocatedBytes / (double)(pageBytes * rounds),
            ExtractAllocatedToPageSize = extract.AllocatedBytes / (double)(pageBytes * rounds),
            Runtime = RuntimeInformation.FrameworkDescription,
            ProcessorCount = Environment.ProcessorCount,
        };
    }

    // Each page once through both steps: pages the product throws on are reported and left out of the timings.
    private (List<CorpusPage> Usable, List<PageFailure> Failures, int Articles) Validate(IReadOnlyList<CorpusPage> pages)
    {
        var usable = new List<CorpusPage>(pages.Count);
        var failures = new List<PageFailure>();
        var articles = 0;
        foreach (var page in pages)
        {
            try
            {
                extractor.Parse(page);
                articles += extractor.Extract(page) ? 1 : 0;
                usable.Add(page);
            }
            catch (Exception exception) when (exception is not NotImplementedException)
            {
                failures.Add(new PageFailure { Path = page.Path, Error = $"{exception.GetType().Name}: {exception.Message}" });
            }
        }

        return (usable, failures, articles);
    }

    private Pass Round(List<CorpusPage> pages, bool parseOnly)
    {
        // Start each pass with a clean heap so one pass's garbage is not collected on the other's clock.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var pauseBefore = GC.GetTotalPauseDuration();
        var gen1Before = GC.CollectionCount(1);
        var gen2Before = GC.CollectionCount(2);
        var cpuStart = ThreadCpuClock.Now();
        var start = Stopwatch.GetTimestamp();
        foreach (var page in pages)
        {
            if (parseOnly)
            {
                extractor.Parse(page);
            }
            else
            {
                extractor.Extract(page);
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        var cpu = ThreadCpuClock.Now() - cpuStart;
        return new Pass(
            elapsed.TotalSeconds,
            cpu.TotalSeconds,
            GC.GetAllocatedBytesForCurrentThread() - allocatedBefore,
            (GC.GetTotalPauseDuration() - pauseBefore).TotalSeconds,
            GC.CollectionCount(1) - gen1Before,
            GC.CollectionCount(2) - gen2Before);
    }

    // CpuSeconds: this thread's CPU time (the workstation GC collects on it, so collections count), which time slices
    // given to other processes on a loaded machine do not inflate as they do the wall-clock Seconds.
    // GcPauseSeconds: time the runtime held the thread for collections, part of Seconds; Gen1/Gen2: collections of
    // those generations (a gen1 or gen2 collection also counts in the younger ones' counts).
    private readonly record struct Pass(double Seconds, double CpuSeconds, long AllocatedBytes, double GcPauseSeconds, int Gen1, int Gen2)
    {
        public static Pass operator +(Pass left, Pass right) =>
            new(
                left.Seconds + right.Seconds,
                left.CpuSeconds + right.CpuSeconds,
                left.AllocatedBytes + right.AllocatedBytes,
                left.GcPauseSeconds + right.GcPauseSeconds,
                left.Gen1 + right.Gen1,
                left.Gen2 + right.Gen2);
    }
}
