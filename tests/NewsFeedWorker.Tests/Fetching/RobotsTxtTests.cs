using NewsFeedWorker.Fetching;

namespace NewsFeedWorker.Tests.Fetching;

public sealed class RobotsTxtTests
{
    private static bool Allowed(string robots, string path, string agent = "NewsFeedWorker") =>
        RobotsTxt.Parse(robots, agent).IsAllowed(new Uri("https://news.example" + path));

    [Fact]
    public void The_group_naming_our_agent_wins_over_the_star_group()
    {
        const string robots = "User-agent: *\nDisallow: /\n\nUser-agent: newsfeedworker\nDisallow: /admin\n";

        Assert.True(Allowed(robots, "/news/1"));
        Assert.False(Allowed(robots, "/admin/login"));
        Assert.False(Allowed(robots, "/news/1", agent: "OtherBot"));
    }

    [Fact]
    public void The_longest_matching_rule_wins_and_allow_wins_a_tie()
    {
        const string robots = "User-agent: *\nDisallow: /news/\nAllow: /news/public/\nDisallow: /tie\nAllow: /tie\n";

        Assert.False(Allowed(robots, "/news/secret"));
        Assert.True(Allowed(robots, "/news/public/1"));
        Assert.True(Allowed(robots, "/tie"));
    }

    [Fact]
    public void Star_matches_any_run_and_dollar_anchors_the_end()
    {
        const string robots = "User-agent: *\nDisallow: /*.pdf$\nDisallow: /search*q=\n";

        Assert.False(Allowed(robots, "/files/report.pdf"));
        Assert.True(Allowed(robots, "/files/report.pdf.html"));
        Assert.False(Allowed(robots, "/search/?q=seoul"));
        Assert.True(Allowed(robots, "/search/"));
    }

    [Fact]
    public void An_empty_disallow_comments_and_unknown_lines_allow_everything()
    {
        const string robots = "# hello\nUser-agent: * # everyone\nDisallow:\nSitemap: https://news.example/sitemap.xml\n";

        Assert.True(Allowed(robots, "/anything"));
    }

    [Fact]
    public void Consecutive_user_agent_lines_share_one_group()
    {
        const string robots = "User-agent: Googlebot\nUser-agent: NewsFeedWorker\nDisallow: /private\n\nUser-agent: *\nAllow: /\n";

        Assert.False(Allowed(robots, "/private/x"));
    }

    [Fact]
    public void Non_ascii_patterns_match_percent_encoded_paths()
    {
        const string robots = "User-agent: *\nDisallow: /뉴스/\n";

        Assert.False(Allowed(robots, "/뉴스/1"));
        Assert.True(Allowed(robots, "/news/1"));
    }

    [Fact]
    public void Robots_txt_itself_is_always_allowed_and_crawl_delay_is_read()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nCrawl-delay: 2.5\nDisallow: /\n", "NewsFeedWorker");

        Assert.True(robots.IsAllowed(new Uri("https://news.example/robots.txt")));
        Assert.False(robots.IsAllowed(new Uri("https://news.example/")));
        Assert.Equal(TimeSpan.FromSeconds(2.5), robots.CrawlDelay);
    }
}
