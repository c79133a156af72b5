using AngleSharp.Dom;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>Computes <see cref="NodeStats"/> for a subtree in one bottom-up pass (children before parents).</summary>
internal static class StatsBuilder
{
    /// <summary>
    /// Fills <paramref name="stats"/> for <paramref name="root"/> and every element below it and returns
    /// the elements in document order. <paramref name="paragraphs"/> receives what the scorer rates:
    /// each element and the element its score starts from.
    /// </summary>
    public static List<IElement> Build(IElement root, Dictionary<IElement, NodeStats> stats, List<(NodeStats Paragraph, IElement Start)>? paragraphs)
    {
        var elements = DomWalk.Descendants(root);
        elements.Insert(0, root);
        for (var i = elements.Count - 1; i >= 0; i--)
        {
            var element = elements[i];
            var own = new NodeStats();
            var hasBlockChild = false;
            var run = new NodeStats(); // the current run of inline content, scored like a paragraph
            foreach (var child in element.ChildNodes)
            {
                if (child is IText text)
                {
                    var data = text.Data.AsSpan();
                    var length = TextMeasure.CollapsedLength(data);
                    var commas = TextMeasure.CountCommas(data);
                    own.TextLength += length;
                    own.Commas += commas;
                    run.TextLength += length;
                    run.Commas += commas;
                }
                else if (child is IElement childElement && stats.TryGetValue(childElement, out var c))
                {
                    Add(own, c);
                    if (DomWalk.IsBlock(childElement.LocalName))
                    {
                        hasBlockChild = true;
                        Flush(element, run, paragraphs);
                        run = new NodeStats();
                    }
                    else
                    {
                        run.TextLength += c.TextLength;
                        run.Commas += c.Commas;
                        run.LinkLength += c.LinkLength;
                    }
                }
            }

            var name = element.LocalName;
            switch (name)
            {
                case "a":
                    var href = element.GetAttribute("href");
                    own.LinkLength = own.TextLength * (href is not null && href.StartsWith('#') ? 0.3 : 1);
                    break;
                case "p":
                    own.Paragraphs++;
                    break;
                case "img":
                    own.Images++;
                    break;
                case "li":
                    own.ListItems++;
                    break;
                case "input":
                    own.Inputs++;
                    break;
                case "iframe" or "object" or "embed" or "video":
                    own.Embeds++;
                    break;
                case "ul" or "ol":
                    own.ListText = own.TextLength;
                    break;
            }

            if (DomWalk.IsHeading(name))
            {
                own.HeadingText = own.TextLength;
            }

            if (name == "div")
            {
                if (!hasBlockChild)
                {
                    own.ParagraphLike = true;
                    own.Paragraphs++;
                }
                else if (run.TextLength > 0)
                {
                    Flush(element, run, paragraphs);
                }
            }

            if (paragraphs is not null && element.ParentElement is { } parent
                && (own.ParagraphLike || name is "p" or "pre" or "td" or "section" or "h2" or "h3" or "h4" or "h5" or "h6"))
            {
                paragraphs.Add((own, parent));
            }

            stats[element] = own;
        }

        return elements;
    }

    /// <summary>Inline text mixed with blocks inside a div counts as a paragraph whose score starts at that div.</summary>
    private static void Flush(IElement element, NodeStats run, List<(NodeStats, IElement)>? paragraphs)
    {
        if (paragraphs is not null && element.LocalName == "div" && run.TextLength >= 25)
        {
            paragraphs.Add((run, element));
        }
    }

    private static void Add(NodeStats into, NodeStats child)
    {
        into.TextLength += child.TextLength;
        into.LinkLength += child.LinkLength;
        into.Commas += child.Commas;
        into.Paragraphs += child.Paragraphs;
        into.Images += child.Images;
        into.ListItems += child.ListItems;
        into.Inputs += child.Inputs;
        into.Embeds += child.Embeds;
        into.HeadingText += child.HeadingText;
        into.ListText += child.ListText;
    }
}
