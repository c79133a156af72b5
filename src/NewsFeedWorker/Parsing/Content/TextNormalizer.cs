using System.Text;

namespace NewsFeedWorker.Parsing.Content;

/// <summary>Whitespace folding shared by every extractor (non-breaking and zero-width spaces included).</summary>
internal static class TextNormalizer
{
    /// <summary>Collapses runs of whitespace to one space and trims; null for null or blank text.</summary>
    public static string? Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (IsSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.Length == 0 ? null : builder.ToString();
    }

    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF' or '\u00A0';
}
