using NewsFeedWorker.Parsing;

namespace NewsFeedWorker.Tests.Parsing.Generic;

public sealed class GenericExtractorMetadataTests
{
    private static string Page(string head, string? body = null)
        => $"<html lang=\"en\"><head><title>Page title that is long enough | Example Site</title>{head}</head><body><article>{body ?? Html.Paragraphs(6)}</article></body></html>";

    [Fact]
    public void Json_ld_news_article_fills_every_field_and_records_jsonld_as_the_method()
    {
        var extraction = Html.Extract(Page("""
            <script type="application/ld+json">
            {"@context":"https://schema.org","@type":"NewsArticle",
             "headline":"Sea wall repairs approved","alternativeHeadline":"Council acts before winter",
             "author":[{"@type":"Person","name":"Jane Roe"},{"@type":"Person","name":"John Doe"}],
             "datePublished":"2025-11-08T14:30:00+09:00","dateModified":"2025-11-08T15:00:00+09:00",
             "articleSection":"Local","description":"The council approved the repairs.",
             "image":{"@type":"ImageObject","url":"https://img.example.com/wall.jpg"},
             "publisher":{"@type":"Organization","name":"Example Times"},"inLanguage":"en-GB"}
            </script>
            <meta property="og:title" content="OG title">
            """));

        Assert.Equal("Sea wall repairs approved", extraction.Title);
        Assert.Equal("Council acts before winter", extraction.Subtitle);
        Assert.Equal("Jane Roe, John Doe", extraction.Byline);
        Assert.Equal("2025-11-08T14:30:00+09:00", extraction.PublishedText);
        Assert.Equal("2025-11-08T15:00:00+09:00", extraction.ModifiedText);
        Assert.Equal("Local", extraction.Section);
        Assert.Equal("The council approved the repairs.", extraction.Excerpt);
        Assert.Equal("Example Times", extraction.SiteName);
        Assert.Equal("en-GB", extraction.Language);
        Assert.Equal(new Uri("https://img.example.com/wall.jpg"), extraction.LeadImage);
        foreach (var field in new[] { "title", "subtitle", "author", "published", "updated", "category", "summary", "leadImage", "language" })
        {
            Assert.Equal(ExtractionMethod.JsonLd, extraction.Methods[field]);
        }

        Assert.Equal(ExtractionMethod.Heuristic, extraction.Methods["body"]);
    }

    [Fact]
    public void Json_ld_article_is_found_inside_a_graph_next_to_other_types()
    {
        var extraction = Html.Extract(Page("""
            <script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Example"},
              {"@type":"WebPage","name":"Example page name"},
              {"@type":["BlogPosting"],"headline":"Graph headline","author":{"@type":"Person","name":["Ann Lee"]},"datePublished":"2024-06-25"}]}
            </script>
            """));

        Assert.Equal("Graph headline", extraction.Title);
        Assert.Equal("Ann Lee", extraction.Byline);
        Assert.Equal("2024-06-25", extraction.PublishedText);
    }

    [Fact]
    public void A_news_article_in_a_later_script_beats_the_web_page_stated_first()
    {
        var extraction = Html.Extract(Page("""
            <script type="application/ld+json">{"@context":"https://schema.org/","@type":"WebPage","name":"Example News","url":"https://news.example/"}</script>
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Later script headline","author":{"@type":"Person","name":"Ann Lee"},"datePublished":"2024-06-25","articleSection":"Politics"}</script>
            """));

        Assert.Equal("Later script headline", extraction.Title);
        Assert.Equal("Ann Lee", extraction.Byline);
        Assert.Equal("2024-06-25", extraction.PublishedText);
        Assert.Equal("Politics", extraction.Section);
        Assert.True(extraction.DeclaresArticleType);
    }

    [Fact]
    public void A_web_page_alone_still_gives_its_data()
    {
        var extraction = Html.Extract(Page("""
            <script type="application/ld+json">{"@type":"WebPage","name":"Page name","datePublished":"2024-06-25"}</script>
            """));

        Assert.Equal("2024-06-25", extraction.PublishedText);
        Assert.False(extraction.DeclaresArticleType);
    }

    [Fact]
    public void An_article_name_that_is_the_publisher_name_gives_way_to_the_headline()
    {
        var extraction = Html.Extract(Page("""
            <script type="application/ld+json">{"@type":"NewsArticle","name":"Daily Courier","headline":"Light trolling","publisher":{"@type":"NewsMediaOrganization","name":"Daily Courier"}}</script>
            """));

        Assert.Equal("Light trolling", extraction.Title);
    }

    [Theory]
    [InlineData("Sea wall to be repaired before winter - Harbour Times", "Harbour Times", "Sea wall to be repaired before winter")]
    [InlineData("Sea wall to be repaired before winter | harbour times", "Harbour Times", "Sea wall to be repaired before winter")]
    [InlineData("Bennett: Ich bin nicht sein Punchingball - Israel Nachrichten - Chadashoth Israel", "Israel Nachrichten – Chadashoth Israel", "Bennett: Ich bin nicht sein Punchingball")]
    [InlineData("Sea wall to be repaired before winter - Harbour Times", "Coast Courier", "Sea wall to be repaired before winter - Harbour Times")]
    [InlineData("Sea wall | Harbour Times", "Harbour Times", "Sea wall | Harbour Times")]
    public void A_declared_title_ending_in_the_site_name_loses_it_when_a_story_title_is_left(string ogTitle, string siteName, string expected)
    {
        var extraction = Html.Extract(Page($"""
            <meta property="og:title" content="{ogTitle}">
            <meta property="og:site_name" content="{siteName}">
            """));

        Assert.Equal(expected, extraction.Title);
        Assert.Equal(ExtractionMethod.Meta, extraction.Methods["title"]);
    }

    [Fact]
    public void Json_ld_in_a_top_level_array_with_a_string_author_and_cdata_wrapper_is_read()
    {
        var extraction = Html.Extract(Page("""
            <script type="application/ld+json"><![CDATA[
            [{"@type":"BreadcrumbList","itemListElement":[]},
             {"@type":"ReportageNews","name":"Array article","author":"Kim Min-jae","image":["https://img.example.com/a.jpg"]}]
            ]]></script>
            """));

        Assert.Equal("Array article", extraction.Title);
        Assert.Equal("Kim Min-jae", extraction.Byline);
        Assert.Equal(new Uri("https://img.example.com/a.jpg"), extraction.LeadImage);
    }

    [Fact]
    public void Broken_json_ld_falls_back_to_meta_tags()
    {
        var extraction = Html.Extract(Page("""
            <script type="application/ld+json">{"@type":"NewsArticle","headline": </script>
            <meta property="og:title" content="Meta title wins">
            """));

        Assert.Equal("Meta title wins", extraction.Title);
        Assert.Equal(ExtractionMethod.Meta, extraction.Methods["title"]);
    }

    [Fact]
    public void Meta_precedence_prefers_dublin_core_then_open_graph_then_twitter_and_property_over_name()
    {
        var extraction = Html.Extract(Page("""
            <meta name="twitter:title" content="Twitter title">
            <meta name="og:title" content="Open Graph name title">
            <meta property="og:title" content="Open Graph property title">
            <meta name="twitter:description" content="Twitter description">
            <meta property="og:description" content="OG description">
            <meta property="article:published_time" content="2025-11-08T05:30:00Z">
            <meta property="article:modified_time" content="2025-11-09T05:30:00Z">
            <meta property="article:section" content="Politics">
            <meta property="article:author" content="https://www.facebook.com/someone">
            <meta name="author" content="Lee Su-jin">
            <meta property="og:image" content="/img/lead.jpg">
            <meta property="og:site_name" content="Example Site">
            <link rel="canonical" href="/news/articleView.html?idxno=1">
            """));

        Assert.Equal("Open Graph property title", extraction.Title);
        Assert.Equal("OG description", extraction.Excerpt);
        Assert.Equal("2025-11-08T05:30:00Z", extraction.PublishedText);
        Assert.Equal("2025-11-09T05:30:00Z", extraction.ModifiedText);
        Assert.Equal("Politics", extraction.Section);
        Assert.Equal("Lee Su-jin", extraction.Byline);
        Assert.Equal("Example Site", extraction.SiteName);
        Assert.Equal(new Uri("https://news.example.kr/img/lead.jpg"), extraction.LeadImage);
        Assert.Equal(new Uri("https://news.example.kr/news/articleView.html?idxno=1"), extraction.Canonical);
        Assert.Equal(ExtractionMethod.Meta, extraction.Methods["published"]);
        Assert.Equal("en", extraction.Language);
        Assert.Equal(ExtractionMethod.Heuristic, extraction.Methods["language"]);
    }

    [Fact]
    public void Json_ld_beats_meta_for_the_same_field()
    {
        var extraction = Html.Extract(Page("""
            <meta property="article:published_time" content="2020-01-01T00:00:00Z">
            <script type="application/ld+json">{"@type":"Article","headline":"H","datePublished":"2025-11-08T00:00:00Z"}</script>
            """));

        Assert.Equal("2025-11-08T00:00:00Z", extraction.PublishedText);
        Assert.Equal(ExtractionMethod.JsonLd, extraction.Methods["published"]);
    }

    [Fact]
    public void Json_ld_article_body_is_the_body_when_the_page_shows_only_a_teaser()
    {
        var body = string.Join("\\n", Enumerable.Range(1, 6).Select(i => $"Paragraph {i} of the full story, which the page itself hides behind a subscription prompt for readers."));
        var html = $$"""
            <html><head><title>Sea wall repairs approved before winter</title>
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Sea wall repairs approved","articleBody":"{{body}}"}</script>
            </head><body><article><p>Paragraph 1 of the full story, which the page itself hides behind a subscription prompt for readers.</p>
            <p>Subscribe to read the rest of this article and every other story on the site, for less than a coffee a week.</p></article></body></html>
            """;

        var extraction = Html.Extract(html);

        Assert.Equal(ExtractionMethod.JsonLd, extraction.Methods["body"]);
        Assert.Equal(6, extraction.Content!.QuerySelectorAll("p").Length);
    }

    [Fact]
    public void Time_element_gives_the_date_when_no_metadata_does()
    {
        var extraction = Html.Extract(Page(string.Empty, "<time datetime=\"2025-11-08T14:30:00+09:00\">2025.11.08</time>" + Html.Paragraphs(6)));

        Assert.Equal("2025-11-08T14:30:00+09:00", extraction.PublishedText);
        Assert.Equal(ExtractionMethod.Heuristic, extraction.Methods["published"]);
    }

    [Theory]
    [InlineData("Sea wall repairs approved before winter | Example Site", "Sea wall repairs approved before winter")]
    [InlineData("Sea wall repairs approved before winter - Example Site", "Sea wall repairs approved before winter")]
    [InlineData("Example Site | Sea wall repairs approved before winter", "Sea wall repairs approved before winter")]
    [InlineData("Short title | Site", "Short title | Site")]
    public void Document_title_loses_its_site_name_part_like_readability(string documentTitle, string expected)
    {
        var extraction = Html.Extract($"<html><head><title>{documentTitle}</title></head><body><article>{Html.Paragraphs(6)}</article></body></html>");

        Assert.Equal(expected, extraction.Title);
        Assert.Equal(ExtractionMethod.Heuristic, extraction.Methods["title"]);
    }

    [Fact]
    public void Missing_fields_stay_null_and_have_no_method()
    {
        var extraction = Html.Extract($"<html><head><title>A plain page with a long enough title</title></head><body><div>{Html.Paragraphs(6)}</div></body></html>");

        Assert.Null(extraction.PublishedText);
        Assert.Null(extraction.LeadImage);
        Assert.False(extraction.Methods.ContainsKey("published"));
        Assert.False(extraction.Methods.ContainsKey("leadImage"));
    }
}
