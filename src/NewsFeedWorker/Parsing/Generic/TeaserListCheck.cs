namespace NewsFeedWorker.Parsing.Generic;

/// <summary>
/// Recognises a list of teasers mistaken for an article: most of the text sits in five or more
/// sibling blocks (div, article, section) that each mix a linked headline with a short unlinked
/// summary. Articles are made of paragraphs; their link lists are lists (li), which are left alone.
/// </summary>
internal static class TeaserListCheck
{
    private const int MinUnits = 5;

    /// <param name="elements">The stats of the container first, then of its descendants (see <see cref="ContentCopier"/>).</param>
    public static bool IsTeaserList(List<NodeStats> elements)
    {
        var total = elements[0].TextLength;
        if (total == 0)
        {
            return false;
        }

        foreach (var parent in elements)
        {
            if (parent.Element.ChildElementCount < MinUnits)
            {
                continue;
            }

            var units = 0;
            var withText = 0;
            var unitText = 0;
            foreach (var s in parent.Children())
            {
                if (s.TextLength == 0)
                {
                    continue;
                }

                withText++;
                if (s.Element.LocalName is "div" or "article" or "section" or "dl"
                    && s.TextLength is >= 30 and <= 1000 && s.LinkLength >= 10 && s.LinkDensity is >= 0.05 and <= 0.85)
                {
                    units++;
                    unitText += s.TextLength;
                }
            }

            if (units >= MinUnits && units * 10 >= withText * 6 && unitText * 10 >= total * 6)
            {
                return true;
            }
        }

        return false;
    }
}
