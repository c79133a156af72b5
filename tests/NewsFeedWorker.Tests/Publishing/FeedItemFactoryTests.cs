using Microsoft.Extensions.Options;
using NewsFeedWorker.Publishing;
using NewsFeedWorker.Tests.Publishing.Fakes;

namespace NewsFeedWorker.Tests.Publishing;

public sealed class FeedItemFactoryTests
{
    private static readonly FeedItemFactory Factory = new(new ContentSanitizer(), Options.Create(new PublishingOptions()));

    [Fact]
    public async Task A_title_author_and_summary_of_twenty_thousand_script_openings_are_turned_into_text_without_stalling()
    {
        var hostile = string.Concat(Enumerable.Repeat("<script ", 20_000));
        var stored = FeedSeed.Mois();
        stored = stored with { Article = stored.Article with { Title = "제목 " + hostile, Author = hostile, Summary = hostile + "끝" } };

        // The backtracking pattern took over a minute on this title; the generous wait only stops a regression from hanging the run.
        var item = await Task.Run(() => Factory.FromArticle(stored, FeedSeed.Sources[0])).WaitAsync(TimeSpan.FromSeconds(30));

        // An unclosed "<script " is not a tag: it stays text.
        Assert.StartsWith("제목 <script <script", item.Title, StringComparison.Ordinal);
        Assert.Equal(20_000, item.Title.Split("<script").Length - 1);
        Assert.EndsWith("<script 끝", item.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Markup_leaked_into_a_title_is_removed()
    {
        var stored = FeedSeed.Mois();
        stored = stored with { Article = stored.Article with { Title = "앞<!-- 주석 --> <b>굵게</b> <script>alert(1)</script><STYLE>p{}</style >뒤" } };

        Assert.Equal("앞 굵게 뒤", Factory.FromArticle(stored, FeedSeed.Sources[0]).Title);
    }

    [Fact]
    public void A_missing_publication_date_falls_back_to_first_seen()
    {
        var item = Factory.FromArticle(FeedSeed.Undated(), FeedSeed.Sources[0]);

        Assert.Equal(FeedSeed.UndatedFirstSeen, item.Published);
        Assert.Equal(FeedSeed.UndatedFirstSeen, item.Updated);
    }

    [Fact]
    public void An_article_corrected_after_publication_is_updated_at_its_last_correction_and_not_at_a_change_that_was_none()
    {
        var corrected = new DateTimeOffset(2025, 11, 8, 15, 0, 0, FeedSeed.Kst);
        var item = Factory.FromArticle(FeedSeed.Mois() with { LastChanged = corrected.AddHours(2), RevisedAt = corrected }, FeedSeed.Sources[0]);
        var reformatted = Factory.FromArticle(FeedSeed.Mois() with { LastChanged = corrected }, FeedSeed.Sources[0]);

        Assert.Equal(FeedSeed.Mois().Article.Published, item.Published);
        Assert.Equal(corrected, item.Updated);
        Assert.Equal(FeedSeed.Mois().Article.Published, reformatted.Updated);
    }

    [Fact]
    public void With_the_correction_note_on_a_corrected_article_starts_with_what_changed_and_links_to_its_history()
    {
        var noting = new FeedItemFactory(new ContentSanitizer(), Options.Create(new PublishingOptions { CorrectionNote = true }));
        var corrected = FeedSeed.Mois() with { RevisedAt = new DateTimeOffset(2025, 11, 8, 6, 0, 0, TimeSpan.Zero), RevisedFields = ["title", "text"] };

        var item = noting.FromArticle(corrected, FeedSeed.Sources[0]);
        var plain = noting.FromArticle(FeedSeed.Mois(), FeedSeed.Sources[0]);
        var off = Factory.FromArticle(corrected, FeedSeed.Sources[0]);

        Assert.StartsWith("<p><em>수정됨 / updated 2025-11-08 15:00: 제목 / title, 본문 / text</em></p>", item.ContentHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("수정됨", plain.ContentHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("수정됨", off.ContentHtml, StringComparison.Ordinal);
        Assert.Equal(FeedSeed.Mois().Id, item.HistoryId);
        Assert.EndsWith($"<p><a href=\"https://feeds.example/articles/{item.HistoryId}\">수정 이력 / history</a></p>",
            new FeedLinks(new Uri("https://feeds.example/"), null).Content(item), StringComparison.Ordinal);
    }

    [Fact]
    public void Content_has_no_script_handlers_iframes_or_javascript_urls_but_keeps_emoji_and_rtl()
    {
        var item = Factory.FromArticle(FeedSeed.Adversarial(), FeedSeed.Sources[0]);

        Assert.DoesNotContain("<script", item.ContentHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", item.ContentHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", item.ContentHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", item.ContentHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("정상 문단 😀 עברית مرحبا", item.ContentHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(item.ContentHtml, c => c < ' ' && c is not '\n' and not '\r' and not '\t');
        Assert.Equal("굵은 제목 ]]> 😀 שלום عربي & \"인용\"", item.Title);
        Assert.Equal("기자", item.Author);
    }

    [Fact]
    public void Content_carries_subtitle_lead_image_credit_and_links_to_the_other_copies()
    {
        var item = Factory.FromArticle(FeedSeed.Mois(), FeedSeed.Sources[0]);

        Assert.StartsWith("<p><strong>6월 25일", item.ContentHtml, StringComparison.Ordinal);
        Assert.Contains("<img src=\"https://www.portalnews.example/news/photo/202511/1001_2001_1012.jpg\"", item.ContentHtml, StringComparison.Ordinal);
        Assert.Contains("[뉴스출처 : 행정안전부]", item.ContentHtml, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://news.gyeonggi.example/article/7781\">news.gyeonggi.example</a>", item.ContentHtml, StringComparison.Ordinal);
        Assert.Equal(new FeedImage(FeedSeed.Mois().Article.LeadImage!, "image/jpeg", null), item.Image);
        Assert.Equal($"urn:uuid:{FeedSeed.MoisId}", item.Id);
        Assert.Equal(["IT/과학", "지역"], item.Categories);
    }

    [Fact]
    public void A_weather_snapshot_reads_as_a_dated_title_and_a_table_of_every_reading()
    {
        var item = Factory.FromWeather(FeedSeed.SeedWeather(), FeedSeed.Sources[0]);

        Assert.Equal("2025-11-08 기상청 날씨 — 서울 흐림 16.4℃ …", item.Title);
        Assert.Equal(16, item.ContentHtml.Split("<tr><td>").Length - 1);
        Assert.Contains("<tr><td>울산</td><td>–</td><td>16.4℃</td></tr>", item.ContentHtml, StringComparison.Ordinal);
        Assert.Contains("<tr><td>강릉</td><td>흐림</td><td>12.0℃</td></tr>", item.ContentHtml, StringComparison.Ordinal);
        Assert.Equal(new Uri("https://www.portalnews.example/#weather-2025-11-08"), item.Link);
        Assert.Equal(FeedSeed.SeedWeather().SeenAt, item.Published);
    }
}
