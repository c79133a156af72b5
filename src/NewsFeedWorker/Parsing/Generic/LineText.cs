using System.Text;
using AngleSharp.Dom;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>
/// The text of a short element as a reader sees it: a <c>&lt;br&gt;</c> or a block (<c>p</c>, <c>div</c>, …) starts with a space, so a subtitle written on two lines
/// (<c>6월 25일 …에서&lt;br&gt;‘제8회 …’ 개최</c>) does not run its lines together as <c>TextContent</c> does.
/// </summary>
internal static class LineText
{
    public static string? Of(IElement element)
    {
        var text = new StringBuilder();
        var walk = new DomWalk(element);
        while (walk.MoveNext())
        {
            if (walk.Current is IText t)
            {
                text.Append(t.Data);
            }
            else if (walk.Current is IElement { LocalName: "br" or "p" or "div" or "li" or "dd" or "dt" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "td" or "th" })
            {
                text.Append(' ');
            }
        }

        return TextNormalizer.Clean(text.ToString());
    }
}
