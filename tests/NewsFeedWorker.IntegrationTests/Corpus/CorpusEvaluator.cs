using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AngleSharp.Html.Parser;
using NewsFeedWorker.Parsing.Generic;

namespace NewsFeedWorker.IntegrationTests.Corpus;

/// <summary>
/// Runs the generic extractor on every page of a Readability-format corpus (source.html, expected.html,
/// expected-metadata.json per case) and scores title, body text, date and the no-article decision.
/// </summary>
public sealed class CorpusEvaluator(GenericExtractor extractor)
{
    private static readonly Uri PageUrl = new("http://fakehost/test/page.html");

    /// <summary>Walks up from <paramref name="start"/> to the first directory holding <c>shared/corpus/dev</c>.</summary>
    public static string? FindCorpus(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "corpus", "dev");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public CorpusReport Evaluate(string readabilityCorpus)
    {
        var parser = new HtmlParser();
        var results = new List<CorpusCaseResult>();
        foreach (var directory in Directory.GetDirectories(readabilityCorpus).Order(StringComparer.Ordinal))
        {
            results.Add(EvaluateCase(parser, directory));
        }

        return new CorpusReport(results);
    }

    /// <summary>Times parse and extraction separately over <paramref name="rounds"/> passes of the corpus, after one warm-up pass.</summary>
    public SpeedFigures MeasureSpeed(string readabilityCorpus, int rounds)
    {
        var parser = new HtmlParser();
        var sources = Directory.GetDirectories(readabilityCorpus).Order(StringComparer.Ordinal)
            .Select(d => File.ReadAllText(Path.Combine(d, "source.html")))
            .ToList();
        var parse = TimeSpan.Zero;
        var extract = TimeSpan.Zero;
        var fastestPerPage = Enumerable.Repeat(TimeSpan.MaxValue, sources.Count).ToArray();
        for (var round = 0; round <= rounds; round++)
        {
            for (var i = 0; i < sources.Count; i++)
            {
                var clock = Stopwatch.StartNew();
                using var document = parser.ParseDocument(sources[i]);
                var parsed = clock.Elapsed;
                extractor.Extract(document, PageUrl);
                var total = clock.Elapsed;
                if (round > 0)
                {
                    parse += parsed;
                    extract += total - parsed;
                    fastestPerPage[i] = total < fastestPerPage[i] ? total : fastestPerPage[i];
                }
            }
        }

        var median = fastestPerPage.Order().ElementAt(sources.Count / 2);
        return new SpeedFigures(sources.Count * rounds, parse, extract, median);
    }

    private CorpusCaseResult EvaluateCase(HtmlParser parser, string directory)
    {
        var source = File.ReadAllText(Path.Combine(directory, "source.html"));
        var expectedHtml = File.ReadAllText(Path.Combine(directory, "expected.html"));
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "expected-metadata.json")));
        var root = metadata.RootElement;
        var expectedTitle = TextTokens.Normalize(StringOrNull(root, "title"));
        var expectedDate = StringOrNull(root, "publishedTime");
        var expectedByline = TextTokens.Normalize(StringOrNull(root, "byline"));
        var readerable = !root.TryGetProperty("readerable", out var r) || r.ValueKind != JsonValueKind.False;

        using var document = parser.ParseDocument(source);
        var extraction = extractor.Extract(document, PageUrl);

        var actualText = extraction.Content is null ? string.Empty : ContentText.ToPlainText(extraction.Content);
        using var expectedDocument = parser.ParseDocument(expectedHtml);
        var expectedText = ContentText.ToPlainText(expectedDocument.Body!);
        var actualTitle = TextTokens.Normalize(extraction.Title);

        return new CorpusCaseResult
        {
            Name = Path.GetFileName(directory),
            Readerable = readerable,
            ArticleFound = extraction.Content is not null,
            ExpectedTitle = expectedTitle,
            ActualTitle = extraction.Title,
            TitleMatches = string.Equals(expectedTitle, actualTitle, StringComparison.Ordinal),
            ExpectedText = expectedText,
            ActualText = actualText,
            BodyF1 = readerable ? TextTokens.F1(expectedText, actualText) : null,
            DateMatches = expectedDate is null ? null : SameDate(expectedDate, extraction.PublishedText),
            ExpectedByline = expectedByline,
            ActualByline = extraction.Byline,
            BylineMatches = expectedByline.Length == 0 ? null : string.Equals(expectedByline, TextTokens.Normalize(extraction.Byline), StringComparison.Ordinal),
            ExpectedDate = expectedDate,
            ActualDate = extraction.PublishedText,
        };
    }

    /// <summary>Same instant; or the same calendar date when either side gives no time of day.</summary>
    public static bool SameDate(string expected, string? actual)
    {
        if (actual is null || !TryParse(expected, out var e) || !TryParse(actual, out var a))
        {
            return false;
        }

        if (e == a)
        {
            return true;
        }

        var dateOnly = !HasTime(expected) || !HasTime(actual);
        return dateOnly && e.Date == a.Date;
    }

    private static bool HasTime(string value) => value.Contains(':', StringComparison.Ordinal);

    private static bool TryParse(string value, out DateTimeOffset parsed)
        => DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out parsed);

    private static string? StringOrNull(JsonElement root, string property)
        => root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
