using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace NewsFeedWorker.Benchmarks.Extraction;

/// <summary>
/// What the parse stage's own cleaning costs on real pages: body-text token F1 against Readability's expected text,
/// for the final <c>BodyText</c> and for the generic extractor's content before that cleaning (mean and median).
/// </summary>
internal static partial class BodyF1
{
    public static void Run(DirectoryInfo corpus, TextWriter output)
    {
        using var pipeline = new ProductPipeline();
        var url = new Uri("https://example.com/articles/2025/11/08/story-12345");
        var source = ProductPipeline.GenericSource(url);
        var final = new List<double>();
        var before = new List<double>();
        foreach (var directory in corpus.GetDirectories().OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            var metadata = Path.Combine(directory.FullName, "expected-metadata.json");
            if (!File.Exists(metadata) || File.ReadAllText(metadata).Contains("\"readerable\": false", StringComparison.Ordinal))
            {
                continue;
            }

            var expected = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(directory.FullName, "expected.html"))).Body?.TextContent ?? "";
            var bytes = File.ReadAllBytes(Path.Combine(directory.FullName, "source.html"));
            final.Add(F1(pipeline.PageParser.Parse(bytes, Encoding.UTF8, url, source, DateTimeOffset.UnixEpoch).Article?.BodyText ?? "", expected));
            var document = new HtmlParser().ParseDocument(Encoding.UTF8.GetString(bytes));
            before.Add(F1(pipeline.GenericExtractor.Extract(document, url).Content?.TextContent ?? "", expected));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{final.Count} readerable pages: body-text token F1 of the final BodyText mean {final.Average():F4} median {Median(final):F4}; "
            + $"of the generic content before the parse stage's cleaning mean {before.Average():F4} median {Median(before):F4}"));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double F1(string actual, string expected)
    {
        var got = Tokens(actual);
        var want = Tokens(expected);
        if (got.Count == 0 || want.Count == 0)
        {
            return got.Count == want.Count ? 1 : 0;
        }

        var remaining = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in want)
        {
            remaining[token] = remaining.GetValueOrDefault(token) + 1;
        }

        var common = 0;
        foreach (var token in got)
        {
            if (remaining.TryGetValue(token, out var count) && count > 0)
            {
                common++;
                remaining[token] = count - 1;
            }
        }

        if (common == 0)
        {
            return 0;
        }

        var precision = (double)common / got.Count;
        var recall = (double)common / want.Count;
        return 2 * precision * recall / (precision + recall);
    }

    private static List<string> Tokens(string text) => [.. Word().Matches(text.ToLowerInvariant()).Select(m => m.Value)];

    [GeneratedRegex(@"\w+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
