using NewsFeedWorker.Parsing;
using NewsFeedWorker.Sources;
using NewsFeedWorker.Suggesting;

namespace NewsFeedWorker.Tests.Suggesting;

public sealed class SourceSuggesterTests
{
    private static readonly PageParser Parser = new();
    private static readonly DateTimeOffset FetchedAt = new(2025, 11, 8, 9, 30, 0, TimeSpan.FromHours(9));

    public static TheoryData<string> Families =>
    [
        "html5-article", "ul-sky-text", "table-widget", "div-soup", "legacy-euckr", "breadcrumb-gt", "ticker-smarteditor", "header-br-subtitle",
    ];

    [Fact]
    public void The_sample_sites_block_names_its_fields_by_class_and_id()
    {
        var source = SuggestPages.SampleSiteSuggestion().Source;

        Assert.Equal("h3.heading", source.Selectors!.Title);
        Assert.Equal("h4.subheading", source.Selectors.Subtitle);
        Assert.Equal("a.article-category", source.Selectors.Category);
        Assert.Equal("#article-view-content-div", source.Selectors.Body);
        Assert.Equal("meta[property='og:image']", source.Selectors.LeadImage);
        Assert.Equal("li.pagination-next a", source.ArticleLinks.NextPage);
        Assert.Equal(@"/sample/news/articleView\.html\?idxno=\d+$", source.ArticleLinks.UrlPattern);
        Assert.Equal("포탈뉴스통신", source.Name);
        Assert.Equal("0 */15 * * * ?", source.Schedule);
    }

    [Fact]
    public void The_sample_sites_block_passes_the_sources_file_validation_with_its_comments()
    {
        var suggestion = SuggestPages.SampleSiteSuggestion();
        var file = "{ \"sources\": [\n" + SourceBlockJson.Write(suggestion.Source, suggestion.Omitted, comments: true, "  ") + "\n] }";

        var loaded = Assert.Single(SourcesFileLoader.Parse(file, "suggested.json"));

        Assert.Equal(suggestion.Source.Selectors!.Title, loaded.Selectors!.Title);
        Assert.Equal(suggestion.Source.Selectors.Body, loaded.Selectors.Body);
        Assert.Equal(suggestion.Source.Selectors.Remove, loaded.Selectors.Remove);
        Assert.Equal(suggestion.Source.ArticleLinks, loaded.ArticleLinks);
    }

    [Fact]
    public void The_sample_sites_block_reads_every_page_as_generic_mode_does()
    {
        var suggestion = SuggestPages.SampleSiteSuggestion();

        Assert.All(suggestion.Checks, check => Assert.All(check.Pages, cell => Assert.True(cell.Agrees, $"{check.Field}: {cell.Value}")));
        foreach (var name in new[] { "article-1001.html", "article-1002.html", "article-1003.html", "article-1004.html" })
        {
            var page = SuggestPages.SampleSite(name);
            var generic = Parse(page, suggestion.Source with { Selectors = null, Weather = null }).Article!;
            var configured = Parse(page, suggestion.Source).Article!;
            Assert.Equal(generic.Title, configured.Title);
            Assert.Equal(generic.BodyText, configured.BodyText);
            Assert.Equal(ExtractionMethod.Selector, configured.Methods["body"]);
        }
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void A_seed_shaped_site_keeps_every_field_generic_mode_fills(string family)
    {
        var pages = SuggestPages.SeedShaped(family);
        var suggestion = SuggestPages.Suggester().Suggest(pages[0], pages, id: "seed", name: null);
        SourcesFileLoader.Parse("{ \"sources\": [" + SourceBlockJson.Write(suggestion.Source, suggestion.Omitted, comments: true) + "] }", "seed.json");

        Assert.NotNull(suggestion.Source.Selectors?.Title);
        Assert.NotNull(suggestion.Source.Selectors?.Body);
        foreach (var page in pages)
        {
            var generic = Parse(page, suggestion.Source with { Selectors = null, Weather = null });
            var configured = Parse(page, suggestion.Source);
            foreach (var field in ArticleFields.All)
            {
                Assert.Equal(ArticleFields.Value(generic.Article, field), ArticleFields.Value(configured.Article, field));
            }

            Assert.Equal(generic.Teasers.Select(t => t.Url), configured.Teasers.Select(t => t.Url));
            Assert.NotEmpty(configured.Weather);
            Assert.Equal(generic.Weather.SelectMany(w => w.Readings), configured.Weather.SelectMany(w => w.Readings));
        }

        // The seed page's fields, all filled: what a reader of the feed gets from the suggested source.
        var article = Parse(pages[0], suggestion.Source).Article!;
        Assert.All(new[] { article.Title, article.Subtitle, article.Category, article.Origin, article.BodyText }, Assert.NotNull);
        Assert.NotNull(article.Published);
        Assert.NotEmpty(Parse(pages[0], suggestion.Source).Teasers);
    }

    [Fact]
    public void A_field_whose_element_changes_between_pages_is_left_out_with_the_reason()
    {
        var first = SuggestPages.SampleSite("article-1001.html");
        var second = SuggestPages.SampleSite("article-1002.html");
        var renamed = first.Encoding.GetString(second.Body).Replace("<h4 class=\"subheading\">", "<p class=\"deck\">", StringComparison.Ordinal);
        second = second with { Body = first.Encoding.GetBytes(renamed.Replace("</h4>", "</p>", StringComparison.Ordinal)) };

        var suggestion = SuggestPages.Suggester().Suggest(SuggestPages.SampleSite("list-1.html"), [first, second], id: null, name: null);

        Assert.Null(suggestion.Source.Selectors!.Subtitle);
        var omission = Assert.Single(suggestion.Omitted, o => o.Key == "subtitle");
        Assert.Contains("no selector", omission.Reason, StringComparison.Ordinal);
        Assert.Contains("// subtitle left out:", SourceBlockJson.Write(suggestion.Source, suggestion.Omitted, comments: true), StringComparison.Ordinal);
        Assert.DoesNotContain("// subtitle", SourceBlockJson.Write(suggestion.Source, suggestion.Omitted, comments: false), StringComparison.Ordinal);
    }

    private static PageParseResult Parse(SamplePage page, SourceDefinition source) => Parser.Parse(page.Body, page.Encoding, page.Url, source, FetchedAt);
}
