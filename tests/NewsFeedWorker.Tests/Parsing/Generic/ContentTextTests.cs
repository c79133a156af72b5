using NewsFeedWorker.Parsing.Generic;

namespace NewsFeedWorker.Tests.Parsing.Generic;

public sealed class ContentTextTests
{
    [Fact]
    public void Blocks_become_paragraphs_and_inline_elements_stay_in_their_sentence()
    {
        var document = Html.Parse("<div><h2>Head</h2><p>One <b>bold</b>\n  word.</p><ul><li>A</li><li>B</li></ul><p>Line<br>break&nbsp;here</p><p>&nbsp;</p></div>");

        var text = ContentText.ToPlainText(document.Body!);

        Assert.Equal("Head\n\nOne bold word.\n\nA\n\nB\n\nLine\n\nbreak here", text);
    }

    [Fact]
    public void Scripts_and_styles_contribute_no_text()
    {
        var document = Html.Parse("<div><p>Kept</p><script>var x = 1;</script><style>p{}</style></div>");

        Assert.Equal("Kept", ContentText.ToPlainText(document.Body!));
    }
}
