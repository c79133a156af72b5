using AngleSharp.Html.Parser;
using NewsFeedWorker.Suggesting;

namespace NewsFeedWorker.Tests.Suggesting;

public sealed class CssPathTests
{
    [Fact]
    public void An_id_comes_before_classes_and_positions()
    {
        var element = Element("<div id='story' class='box'><p>x</p></div><div class='box'></div>", "#story");

        Assert.Equal("#story", CssPath.For(element)[0]);
    }

    [Fact]
    public void A_generated_class_name_is_not_used()
    {
        var element = Element("<h1 class='css-1x2y3z headline'>t</h1>", "h1");

        Assert.DoesNotContain(CssPath.For(element), s => s.Contains("css-", StringComparison.Ordinal));
        Assert.Equal("h1.headline", CssPath.For(element)[0]);
    }

    [Fact]
    public void A_position_is_used_only_when_nothing_else_separates_the_element()
    {
        var element = Element("<ul class='info'><li>author</li><li>date</li></ul>", "ul.info li + li");

        var selectors = CssPath.For(element);

        Assert.All(selectors, s => Assert.Matches(":(nth-|last-)", s));
        Assert.Equal(element, CssPath.FirstMatch(element.Owner!, selectors[0]));
    }

    private static AngleSharp.Dom.IElement Element(string body, string selector) =>
        new HtmlParser().ParseDocument("<html><body>" + body + "</body></html>").QuerySelector(selector)!;
}
