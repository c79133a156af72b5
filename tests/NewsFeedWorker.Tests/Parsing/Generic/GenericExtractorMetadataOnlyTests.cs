using NewsFeedWorker.Parsing;
using NewsFeedWorker.Parsing.Generic;

namespace NewsFeedWorker.Tests.Parsing.Generic;

/// <summary>The metadata-only pass configured sources fall back to: dates and fields without content scoring.</summary>
public sealed class GenericExtractorMetadataOnlyTests
{
    private static GenericExtraction Metadata(string html) => new GenericExtractor().ExtractMetadata(Html.Parse(html), Html.PageUrl);

    [Fact]
    public void Dates_come_from_json_ld_and_no_content_is_scored()
    {
        var extraction = Metadata($$"""
            <html><head><script type="application/ld+json">
            {"@context":"https://schema.org","@type":"NewsArticle","headline":"제목","datePublished":"2025-06-25T14:32:08+09:00","dateModified":"2025-06-25T15:00:00+09:00"}
            </script></head><body><article>{{Html.Paragraphs(6)}}</article></body></html>
            """);

        Assert.Equal("2025-06-25T14:32:08+09:00", extraction.PublishedText);
        Assert.Equal("2025-06-25T15:00:00+09:00", extraction.ModifiedText);
        Assert.Equal(ExtractionMethod.JsonLd, extraction.Methods["published"]);
        Assert.Null(extraction.Content);
        Assert.False(extraction.Methods.ContainsKey("body"));
    }

    [Fact]
    public void Dates_come_from_meta_tags()
    {
        var extraction = Metadata($"""
            <html><head><meta property="article:published_time" content="2025-11-08T09:12:00+09:00">
            <meta property="article:modified_time" content="2025-11-08T10:00:00+09:00"></head>
            <body><article>{Html.Paragraphs(6)}</article></body></html>
            """);

        Assert.Equal("2025-11-08T09:12:00+09:00", extraction.PublishedText);
        Assert.Equal("2025-11-08T10:00:00+09:00", extraction.ModifiedText);
        Assert.Equal(ExtractionMethod.Meta, extraction.Methods["published"]);
    }

    [Fact]
    public void A_time_element_gives_the_date_when_no_metadata_does()
    {
        var extraction = Metadata($"""<html><body><article><time datetime="2025-11-08T09:12:00+09:00">11월 8일</time>{Html.Paragraphs(6)}</article></body></html>""");

        Assert.Equal("2025-11-08T09:12:00+09:00", extraction.PublishedText);
        Assert.Null(extraction.Content);
    }

    [Fact]
    public void Labelled_page_text_gives_the_dates_when_nothing_else_does()
    {
        var extraction = Metadata($"""
            <html><body><div class="art_info"><span>등록 2025.06.25 14:32:08</span> <span>수정 2025.06.25 14:35:10</span></div>
            <div id="body">{Html.Paragraphs(3)}</div></body></html>
            """);

        Assert.Equal("2025.06.25 14:32:08", extraction.PublishedText);
        Assert.Equal("2025.06.25 14:35:10", extraction.ModifiedText);
        Assert.Equal(ExtractionMethod.Heuristic, extraction.Methods["updated"]);
    }

    [Fact]
    public void Without_any_date_on_the_page_the_dates_stay_null()
    {
        var extraction = Metadata($"""<html><head><title>제목</title></head><body><p>2025.11.08 (토)</p>{Html.Paragraphs(3)}</body></html>""");

        Assert.Null(extraction.PublishedText);
        Assert.Null(extraction.ModifiedText);
        Assert.Equal("제목", extraction.Title);
    }
}
