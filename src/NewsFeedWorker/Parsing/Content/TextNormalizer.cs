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
        var length = 0;
        var pendingSpace = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (IsSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                buffer[length++] = ' ';
                pendingSpace = false;
            }

            buffer[length++] = c;
        }

        var cleaned = new string(buffer[..length]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return cleaned;
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
