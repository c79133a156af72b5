using System.Buffers;
using System.Collections.Frozen;
using AngleSharp.Dom;

namespace NewsFeedWorker.Parsing.Content;

/// <summary>
/// Renders a body as plain text: paragraphs separated by blank lines, <c>&lt;br&gt;</c> as a line break. Figure captions
/// stay in the body's HTML beside their images but are not article text: every ground truth of real news pages
/// (fundus, the article-extraction benchmark) leaves them out.
/// </summary>
internal static class PlainText
{
    private static readonly FrozenSet<string> Paragraphs = new[]
    {
        "p", "div", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figure", "figcaption", "table",
        "ul", "ol", "dl", "pre", "header", "hr", "main", "address", "center",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Lines = new[] { "li", "tr", "dt", "dd", "caption" }.ToFrozenSet(StringComparer.Ordinal);

    public static string From(IElement root)
    {
        var writer = new Writer();
        var walk = new DomWalk(root, exited: node => writer.Break(node is IElement closed ? BreakOf(closed) : 0));
        var enter = true;
        while (walk.MoveNext(enter))
        {
            enter = true;
            if (walk.Current is IText text)
            {
                writer.Text(text.Data);
            }
            else if (walk.Current is IElement element)
            {
                if (element.LocalName == "br")
                {
                    writer.LineBreak();
                }
                else if (Boilerplate.IsCaption(element))
                {
                    enter = false;
                }
                else
                {
                    writer.Break(BreakOf(element));
                }
            }
        }

        return writer.Finish();
    }

    /// <summary>Whether the element starts a line or paragraph of the text (a block, as the text is written).</summary>
    public static bool Breaks(IElement element) => BreakOf(element) > 0;

    private static int BreakOf(IElement element) =>
        Paragraphs.Contains(element.LocalName) ? 2 : Lines.Contains(element.LocalName) ? 1 : 0;

    /// <summary>Writes into a pooled buffer: a builder's chunks cost as much again as the finished text.</summary>
    private sealed class Writer
    {
        private char[] buffer = ArrayPool<char>.Shared.Rent(4096);
        private int length;
        private int pendingBreak;
        private bool pendingSpace;

        private int pendingBrs;

        public void Break(int strength)
        {
            if (strength == 0)
            {
                return;
            }

            pendingBreak = Math.Max(pendingBreak, strength);
            pendingSpace = false;
        }

        // Two <br> in a row make a paragraph break, as Korean CMS bodies write them.
        public void LineBreak()
        {
            pendingBrs++;
            Break(pendingBrs >= 2 ? 2 : 1);
        }

        public void Text(string data)
        {
            foreach (var c in data)
            {
                if (TextNormalizer.IsSpace(c))
                {
                    pendingSpace = length > 0 && pendingBreak == 0;
                    continue;
                }

                if (pendingBreak > 0 && length > 0)
                {
                    Append('\n');
                    if (pendingBreak >= 2)
                    {
                        Append('\n');
                    }
                }
                else if (pendingSpace)
                {
                    Append(' ');
                }

                pendingBreak = 0;
                pendingBrs = 0;
                pendingSpace = false;
                Append(c);
            }
        }

        /// <summary>The text written; the buffer goes back to the pool.</summary>
        public string Finish()
        {
            var text = new string(buffer, 0, length);
            ArrayPool<char>.Shared.Return(buffer);
            buffer = [];
            return text;
        }

        private void Append(char c)
        {
            if (length == buffer.Length)
            {
                var larger = ArrayPool<char>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan(0, length).CopyTo(larger);
                ArrayPool<char>.Shared.Return(buffer);
                buffer = larger;
            }

            buffer[length++] = c;
        }
    }
}
