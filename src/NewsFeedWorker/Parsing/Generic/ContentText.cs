using System.Text;
using AngleSharp.Dom;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>Plain text of extracted content: block elements become paragraphs (blank line between), white space collapsed.</summary>
public static class ContentText
{
    public static string ToPlainText(INode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var raw = new StringBuilder();
        Append(root, raw);
        var paragraphs = raw.ToString()
            .Split('\n')
            .Select(TextMeasure.Collapse)
            .Where(p => p.Length > 0);
        return string.Join("\n\n", paragraphs);
    }

    /// <summary>Iterative walk: nested tag soup must not overflow the stack.</summary>
    private static void Append(INode root, StringBuilder raw)
    {
        var stack = new Stack<(INode Node, bool Closing)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, closing) = stack.Pop();
            if (node is IText text)
            {
                raw.Append(text.Data.Replace('\n', ' ').Replace('\r', ' '));
                continue;
            }

            if (node is not IElement element)
            {
                continue;
            }

            var name = element.LocalName;
            if (name is "script" or "style" or "noscript" or "template")
            {
                continue;
            }

            var block = DomWalk.IsBlock(name) || name is "br" or "td" or "th" or "tr" or "figcaption" or "caption";
            if (closing)
            {
                raw.Append('\n');
                continue;
            }

            if (block)
            {
                raw.Append('\n');
                stack.Push((node, true));
            }

            for (var i = node.ChildNodes.Length - 1; i >= 0; i--)
            {
                stack.Push((node.ChildNodes[i], false));
            }
        }
    }
}
