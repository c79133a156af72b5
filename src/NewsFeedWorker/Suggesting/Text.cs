using System.Text;

namespace NewsFeedWorker.Suggesting;

/// <summary>Text compared the way a reader sees it: runs of white space (no-break and zero-width ones too) as one space.</summary>
internal static class Text
{
    public static string Norm(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c is '\u00A0' or '\u200B' or '\uFEFF')
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>At most <paramref name="length"/> characters of the normalized text, with an ellipsis when cut.</summary>
    public static string Excerpt(string? text, int length = 40)
    {
        var norm = Norm(text);
        return norm.Length <= length ? norm : norm[..length] + "…";
    }
}
