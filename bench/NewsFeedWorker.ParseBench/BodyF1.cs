using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Parsing.Generic;
using NewsFeedWorker.Sources;

/// <summary>
/// What the parse stage's own cleaning costs on real pages: body-text token F1 against Readability's expected text,
/// for the final <c>BodyText</c> and for the generic extractor's content before that cleaning.
/// </summary>
internal static partial class BodyF1
{
    public static void Run(string corpusDirectory)
    {
        var parser = new PageParser();
        var generic = new GenericExtractor();
        var source = new SourceDefinition { Id = "generic", Name = "generic", Schedule = "0 0 * * * ?", StartUrls = [new Uri("https://example.com/")] };
        var url = new Uri("https://example.com/articles/2025/11/08/story-12345");
        double final = 0, before = 0;
        var pages = 0;
        foreach (var directory in Directory.GetDirectories(corpusDirectory).Order(StringComparer.Ordinal))
        {
            if (File.ReadAllText(Path.Combine(directory, "expected-metadata.json")).Contains("\"readerable\": false", StringComparison.Ordinal))
            {
                continue;
            }

            var expected = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(directory, "expected.html"))).Body?.TextContent ?? "";
            var bytes = File.ReadAllBytes(Path.Combine(directory, "source.html"));
            final += F1(parser.Parse(bytes, Encoding.UTF8, url, source, DateTimeOffset.UnixEpoch).Article?.BodyText ?? "", expected);
            before += F1(generic.Extract(new HtmlParser().ParseDocument(Encoding.UTF8.GetString(bytes)), url).Content?.TextContent ?? "", expected);
            pages++;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{pages} readerable pages: mean body-text token F1 {final / pages:F3} final BodyText, {before / pages:F3} generic content before the parse stage's cleaning"));
    }

    private static double F1(string actual, string expected)
    {
        var got = Tokens(actual);
        var want = Tokens(expected);
        if (got.Count == 0 || want.Count == 0)
        {
            return got.Count == want.Count ? 1 : 0;
        }

        var remaining = want.GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
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
