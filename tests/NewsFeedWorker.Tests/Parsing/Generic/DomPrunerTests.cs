using NewsFeedWorker.Parsing.Generic;

namespace NewsFeedWorker.Tests.Parsing.Generic;

public sealed class DomPrunerTests
{
    [Fact]
    public void Scripts_and_navigation_leave_and_the_kept_elements_are_linked_to_their_kept_parent()
    {
        var kept = Prune("""
            <div id="main"><script>track()</script><p id="p1">One.</p><nav id="menu"><a id="home" href="/">Home</a></nav>
            <div id="wrap"><p id="p2">Two.</p></div><p id="p3">Three.</p></div>
            """);

        Assert.Equal(["body", "main", "p1", "wrap", "p2", "p3"], kept.Select(Name));
        Assert.Equal(["p1", "wrap", "p3"], ById(kept, "main").Children().Select(Name));
        Assert.Same(ById(kept, "wrap"), ById(kept, "p2").Parent);
        Assert.Same(kept[0], ById(kept, "main").Parent);
    }

    [Fact]
    public void A_summary_box_leaves_with_everything_in_it_and_the_blocks_after_it_stay()
    {
        var kept = Prune("""
            <div id="story"><p id="lead">도시가스 요금이 내년 3% 오른다고 정부가 밝혔다.</p>
            <div id="box"><strong id="label">AI 요약</strong><p id="line">· 취약계층 감면을 넓힌다</p></div>
            <p id="after">정부는 이날 요금 조정안을 발표했다.</p><p id="last">시행은 내년 1월부터다.</p></div>
            """);

        Assert.Equal(["body", "story", "lead", "after", "last"], kept.Select(Name));
        Assert.Equal(["lead", "after", "last"], ById(kept, "story").Children().Select(Name));
        Assert.Equal(["lead", "after", "last"], kept[0].Descendants().Skip(1).Select(Name));
    }

    private static List<NodeStats> Prune(string body)
    {
        var document = Html.Parse($"<html><head><title>Test</title></head><body>{body}</body></html>");
        string? byline = null;
        return DomPruner.Prune(document.Body!, ExtractionFlags.All, null, ref byline);
    }

    private static string Name(NodeStats stats) => stats.Element.Id is { Length: > 0 } id ? id : stats.Element.LocalName;

    private static NodeStats ById(List<NodeStats> kept, string id) => kept.Single(s => s.Element.Id == id);
}
