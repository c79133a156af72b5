using NewsFeedWorker.Fetching;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Suggesting;
using Microsoft.Extensions.Time.Testing;

namespace NewsFeedWorker.Tests.Suggesting;

/// <summary>Sample sites for <c>suggest</c>: the shipped sample site, and seed-shaped pages with a second article made from each.</summary>
internal static class SuggestPages
{
    public static readonly Uri SampleList = new("http://127.0.0.1:5080/sample/news/articleList.html?sc_section_code=S1N6");

    public static readonly Uri SeedUrl = new("https://news.example.kr/news/articleView.html?idxno=123456");

    public static SourceSuggester Suggester() => new(new PageParser(), new FakeTimeProvider(new DateTimeOffset(2025, 11, 8, 9, 30, 0, TimeSpan.FromHours(9))));

    public static SamplePage Page(Uri url, byte[] body) => new(url, body, CharsetDetector.Detect(body, null, null, null), MetaCharsetScanner.Find(body) is not null);

    public static SamplePage SampleSite(string fileName) =>
        Page(fileName.StartsWith("list", StringComparison.Ordinal) ? SampleList : new Uri(SampleList, $"articleView.html?idxno={fileName[8..12]}"),
            File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "SampleSite", "news", fileName)));

    public static Suggestion SampleSiteSuggestion() => Suggester().Suggest(
        SampleSite("list-1.html"),
        [SampleSite("article-1001.html"), SampleSite("article-1002.html"), SampleSite("article-1003.html"), SampleSite("article-1004.html")],
        id: null,
        name: null);

    /// <summary>A seed-shaped page and a second story in the same template (other headline words, another sentence).</summary>
    public static IReadOnlyList<SamplePage> SeedShaped(string family)
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "SeedShaped", family + ".html"));
        var first = Page(SeedUrl, bytes);
        var text = first.Encoding.GetString(bytes)
            .Replace("전자정부의 날", "디지털정부의 날", StringComparison.Ordinal)
            .Replace("하 수석은 축사에서", "하 수석은 격려사에서", StringComparison.Ordinal);
        var second = first with { Url = new Uri(SeedUrl, "articleView.html?idxno=123457"), Body = first.Encoding.GetBytes(text) };
        return [first, second];
    }
}
