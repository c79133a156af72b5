using AngleSharp.Dom;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>
/// Drops the blocks at the very end of the body that jusText's classifier calls boilerplate: a short line or a
/// link-heavy or stop-word-poor block after the last prose paragraph ("Like this story? Share it", "Read more:",
/// a broadcast note, a newsletter prompt). As in jusText, the end of the text counts as boilerplate, so a short
/// block there has boilerplate on one side and goes. Only for bodies in a language whose stop words are known,
/// at most a few blocks and a small share of the text.
/// </summary>
internal static class BoilerplateTail
{
    private const int MaxRemovals = 6;

    /// <summary>The most of the body's text the tail may take: beyond it the classifier is judging the story itself.</summary>
    private const double MaxShare = 0.15;

    public static void Remove(IElement content)
    {
        var text = content.TextContent;
        var language = StopWords.Detect(text);
        if (language < 0)
        {
            return;
        }

        var budget = (int)(MaxShare * TextMeasure.CollapsedLength(text));
        for (var i = 0; i < MaxRemovals; i++)
        {
            var block = LastBlock(content);
            if (block is null || !ParagraphClass.IsShortFurniture(block, language))
            {
                return;
            }

            budget -= TextMeasure.CollapsedLength(block.TextContent);
            if (budget < 0)
            {
                return;
            }

            block.Remove();
        }
    }

    /// <summary>The block holding the body's last text (its nearest block ancestor), as long as no loose text follows it.</summary>
    private static IElement? LastBlock(IElement content)
    {
        var last = TrailingHeadings.LastElement(content);
        while (last is not null && last != content && !DomWalk.IsBlock(last.LocalName))
        {
            last = last.ParentElement;
        }

        // An emptied wrapper or a lone image at the end is left to the trailing-heading pass.
        return last is null || last == content || ShortText.IsBlank(last) ? null : last;
    }
}
