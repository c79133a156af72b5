using AngleSharp.Html.Parser;
using NewsFeedWorker.Parsing;

namespace NewsFeedWorker.Benchmarks.Dedupe;

/// <summary>Realistic Korean articles for store benchmarks: paragraphs of the bench fixture page, recombined per article.</summary>
internal sealed class SampleArticles
{
    private readonly string[] paragraphs;

    public SampleArticles()
    {
        var html = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "ndsoft-article.html"));
        using var document = new HtmlParser().ParseDocument(html);
        paragraphs = [.. document.QuerySelectorAll("#news_body_area p")
            .Select(p => p.TextContent.Trim())
            .Where(text => text.Length > 40)];
        if (paragraphs.Length < 8)
        {
            throw new InvalidOperationException("The fixture page lost its article paragraphs.");
        }
    }

    /// <summary>Article <paramref name="index"/>: a stable subset of the paragraphs, in a stable order, with a long enough body for a fingerprint.</summary>
    public Article Create(string sourceId, Uri url, int index, bool withBody = true)
    {
        var random = new Random(index);
        var body = withBody
            ? string.Join("\n\n", paragraphs.OrderBy(_ => random.Next()).Take(6).Prepend($"기사번호 {index}"))
            : $"기사번호 {index}";
        return new Article
        {
            Url = url,
            Title = $"{sourceId} 기사 {index}: 행정안전부 전자정부의 날 기념행사",
            BodyHtml = string.Concat(body.Split("\n\n").Select(p => $"<p>{System.Net.WebUtility.HtmlEncode(p)}</p>")),
            BodyText = body,
            Category = "IT/과학",
            Language = "ko",
        };
    }
}
