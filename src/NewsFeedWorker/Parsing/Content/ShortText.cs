using AngleSharp.Dom;

namespace NewsFeedWorker.Parsing.Content;

/// <summary>
/// The text of small elements (link labels, buttons) without <c>TextContent</c>: that builds a string for the whole
/// subtree through AngleSharp's global, locked <c>StringBuilderPool</c>, for every anchor of the page.
/// </summary>
internal static class ShortText
{
    /// <summary>True when no text node below <paramref name="element"/> holds anything but white space.</summary>
    public static bool IsBlank(IElement element)
    {
        var children = element.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            var node = children[i];
            if (node is IText text)
            {
                foreach (var c in text.Data)
                {
                    if (!TextNormalizer.IsSpace(c))
                    {
                        return false;
                    }
                }
            }
            else if (node is IElement child && !IsBlank(child))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when the text below <paramref name="element"/> holds more than <paramref name="count"/> characters that are not
    /// white space: then its collapsed text is longer than <paramref name="count"/> too, and need not be built to tell.
    /// </summary>
    public static bool HasMoreThan(IElement element, int count) => CountDown(element, ref count);

    private static bool CountDown(INode parent, ref int left)
    {
        var children = parent.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            var node = children[i];
            if (node is IText text)
            {
                foreach (var c in text.Data)
                {
                    if (!TextNormalizer.IsSpace(c) && --left < 0)
                    {
                        return true;
                    }
                }
            }
            else if (node is IElement && CountDown(node, ref left))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The element's text with white space collapsed (as <see cref="TextNormalizer.Clean"/> of <c>TextContent</c>), or
    /// null when it is blank; <paramref name="tooLong"/> is set instead when the raw text passes <paramref name="max"/> characters.
    /// </summary>
    /// <param name="spaced">Put a space after every text node, so cells and spans (<c>동두천</c><c>흐림</c>) do not run together.</param>
    /// <param name="wanted">Longest collapsed text the caller can use: a longer one gives null (not <paramref name="tooLong"/>) without building a string.</param>
    public static string? Of(IElement element, int max, out bool tooLong, bool spaced = false, int wanted = int.MaxValue)
    {
        Span<char> buffer = stackalloc char[max];
        var length = 0;
        tooLong = !Append(element, buffer, ref length, spaced);
        if (tooLong || (wanted < length && Generic.TextMeasure.CollapsedLength(buffer[..length]) > wanted))
        {
            return null;
        }

        // Collapsed in the buffer: one string, where cleaning a built one made a second for most texts.
        var collapsed = TextNormalizer.Collapse(buffer[..length], buffer);
        return collapsed == 0 ? null : new string(buffer[..collapsed]);
    }

    private static bool Append(INode parent, Span<char> buffer, ref int length, bool spaced)
    {
        var children = parent.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            var node = children[i];
            if (node is IText text)
            {
                var extra = spaced ? 1 : 0;
                if (length + text.Data.Length + extra > buffer.Length)
                {
                    return false;
                }

                text.Data.CopyTo(buffer[length..]);
                length += text.Data.Length;
                if (spaced)
                {
                    buffer[length++] = ' ';
                }
            }
            else if (node is IElement && !Append(node, buffer, ref length, spaced))
            {
                return false;
            }
        }

        return true;
    }
}
