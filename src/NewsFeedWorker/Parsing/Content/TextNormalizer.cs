using System.Buffers;

namespace NewsFeedWorker.Parsing.Content;

/// <summary>Whitespace folding shared by every extractor (non-breaking and zero-width spaces included).</summary>
internal static class TextNormalizer
{
    /// <summary>Collapses runs of whitespace to one space and trims; null for null or blank text.</summary>
    /// <remarks>
    /// Called on most text nodes of a page, so it allocates only when something changes: blank text gives null and
    /// text that is already clean is returned as it is.
    /// </remarks>
    public static string? Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var start = 0;
        while (start < text.Length && IsSpace(text[start]))
        {
            start++;
        }

        if (start == text.Length)
        {
            return null;
        }

        if (start == 0 && IsAlreadyClean(text))
        {
            return text;
        }

        var rented = text.Length > 512 ? ArrayPool<char>.Shared.Rent(text.Length) : null;
        Span<char> buffer = rented ?? stackalloc char[512];
        var length = Collapse(text.AsSpan(start), buffer);
        var cleaned = new string(buffer[..length]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return cleaned;
    }

    /// <summary>
    /// Writes <paramref name="source"/> with white-space runs collapsed to one space and the ends trimmed; returns the
    /// length written. The destination may be the source itself: it never writes past what it has read.
    /// </summary>
    public static int Collapse(ReadOnlySpan<char> source, Span<char> destination)
    {
        var length = 0;
        var pendingSpace = false;
        foreach (var c in source)
        {
            if (IsSpace(c))
            {
                pendingSpace = length > 0;
                continue;
            }

            if (pendingSpace)
            {
                destination[length++] = ' ';
                pendingSpace = false;
            }

            destination[length++] = c;
        }

        return length;
    }

    // No leading or trailing white space, and every white-space character is a single ' '.
    private static bool IsAlreadyClean(string text)
    {
        if (IsSpace(text[^1]))
        {
            return false;
        }

        var previousSpace = false;
        foreach (var c in text)
        {
            if (IsSpace(c))
            {
                if (c != ' ' || previousSpace)
                {
                    return false;
                }

                previousSpace = true;
            }
            else
            {
                previousSpace = false;
            }
        }

        return true;
    }

    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF' or '\u00A0';
}
