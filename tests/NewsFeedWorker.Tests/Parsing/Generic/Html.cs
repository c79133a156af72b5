using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using NewsFeedWorker.Parsing.Generic;

namespace NewsFeedWorker.Tests.Parsing.Generic;

/// <summary>Test helpers: parse HTML, run the extractor, read test pages.</summary>
internal static class Html
{
    public static readonly Uri PageUrl = new("https://news.example.kr/news/articleView.html?idxno=123456");

    public static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    public static GenericExtraction Extract(string html) => new GenericExtractor().Extract(Parse(html), PageUrl);

    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "Generic", name));

    public static string BodyText(GenericExtraction extraction)
        => extraction.Content is null ? string.Empty : ContentText.ToPlainText(extraction.Content);

    /// <summary>Paragraphs of plausible English article prose, enough to pass the article test.</summary>
    public static string Paragraphs(int count, string topic = "the harbour")
        => string.Concat(Enumerable.Range(1, count).Select(i =>
            $"<p>Paragraph {i} about {topic}: the council met on Tuesday, heard evidence from residents, engineers and the port authority, "
            + "and agreed that the sea wall, which dates from the nineteenth century, needs repair before the winter storms arrive.</p>\n"));
}
