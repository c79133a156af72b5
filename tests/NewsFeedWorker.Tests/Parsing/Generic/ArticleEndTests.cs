using NewsFeedWorker.Parsing.Generic;

namespace NewsFeedWorker.Tests.Parsing.Generic;

public sealed class ArticleEndTests
{
    private const string Title = "<title>Sea wall to be repaired before winter</title>";

    [Fact]
    public void A_notice_after_the_comment_section_is_not_part_of_the_story()
    {
        var html = $"""
            <html><head>{Title}</head><body><div class="entry-content">
            {Html.Paragraphs(5)}
            <div id="comments" class="comments-area"><h3>Leave a reply</h3><form><textarea></textarea></form></div>
            <div class="alert"><strong>Ad block users:</strong> some features of this site may not work while an ad blocker is enabled, because it breaks the scripts this website depends on.</div>
            </div></body></html>
            """;

        var text = Html.BodyText(Html.Extract(html));

        Assert.StartsWith("Paragraph 1 about the harbour", text, StringComparison.Ordinal);
        Assert.EndsWith("before the winter storms arrive.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ad blocker", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Comment_rules_after_the_next_story_link_are_left_out_even_when_merged_as_a_sibling()
    {
        var html = $"""
            <html><head>{Title}</head><body><div class="post">
            <div class="post-body">{Html.Paragraphs(5)}</div>
            <div class="loop-nav"><div class="next">Next story: <a href="/2024/05/ferry" rel="next">The ferry across the estuary stops for good</a></div></div>
            <p>Please keep your comments on topic and write them clearly; insults, threats and external links are removed, and there is no right to have a comment published or stored by the operator.</p>
            </div></body></html>
            """;

        var text = Html.BodyText(Html.Extract(html));

        Assert.EndsWith("before the winter storms arrive.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("comments on topic", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gallery_button_and_a_pager_in_the_story_do_not_end_it()
    {
        var html = $"""
            <html><head>{Title}</head><body><article>
            {Html.Paragraphs(3)}
            <div class="gallery"><img src="/a.jpg" alt=""><a class="gallery-button" role="button" rel="next" href="/gallery/2">Weiter</a></div>
            <p><a href="/story?page=2" rel="next">Next</a></p>
            {Html.Paragraphs(3, "the ferry")}
            </article></body></html>
            """;

        var text = Html.BodyText(Html.Extract(html));

        Assert.Contains("Paragraph 3 about the ferry", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_comment_count_above_the_story_does_not_end_it()
    {
        var html = $"""
            <html><head>{Title}</head><body><article>
            <p class="meta"><a class="comments" href="#comments">12 comments</a></p>
            {Html.Paragraphs(5)}
            </article></body></html>
            """;

        var text = Html.BodyText(Html.Extract(html));

        Assert.Contains("Paragraph 5 about the harbour", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_post_wins_over_the_long_comment_thread_below_it()
    {
        var comments = string.Concat(Enumerable.Range(1, 8).Select(i =>
            $"<li class=\"comment\"><div class=\"comment-body\"><p>Comment {i}: I read your report on the sea wall and wondered whether the council has weighed the cost of closing the harbour road, the delays for the ferries and the fishermen's lost days against the repair itself.</p></div></li>"));
        var html = $"""
            <html><head><title>September open thread</title><meta property="og:type" content="article"></head><body>
            <article class="post"><div class="entry-content">
            <p>Our goal with these open threads is to give readers a chance to raise questions about our work in public, in the comments below; you are also welcome to write to us privately or to ask for a call with our staff.</p>
            <p>We read every comment and try to answer questions within a few days, though some take longer when they touch research we have not finished.</p>
            <p>You can read the June thread on this blog as well.</p>
            </div></article>
            <div id="comments" class="comments-area"><h3>Comments</h3><ul class="comment-list">{comments}</ul></div>
            </body></html>
            """;

        var text = Html.BodyText(Html.Extract(html));

        Assert.StartsWith("Our goal with these open threads", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Comment 1:", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""<div id="respond"></div>""", true)]
    [InlineData("""<section class="wp-block comments-area"></section>""", true)]
    [InlineData("""<nav class="navigation post-navigation"></nav>""", true)]
    [InlineData("""<a rel="prev" href="/older">An older story about the harbour wall</a>""", true)]
    [InlineData("""<a rel="next" href="/p2">Next »</a>""", false)]
    [InlineData("""<div class="comment-count"></div>""", false)]
    [InlineData("""<div class="article-comments-teaser"></div>""", false)]
    public void Markers_are_comment_sections_and_links_naming_the_previous_or_next_story(string markup, bool marker)
    {
        var element = Html.Parse($"<html><body>{markup}</body></html>").Body!.FirstElementChild!;

        Assert.Equal(marker, ArticleEnd.IsMarker(element));
    }
}
