using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Suggesting;

/// <summary>Text compared the way a reader sees it: the parser's own white-space folding (no-break and zero-width spaces too), "" for none.</summary>
internal static class Text
{
    public static string Norm(string? text) => TextNormalizer.Clean(text) ?? "";

    /// <summary>At most <paramref name="length"/> characters of the normalized text, with an ellipsis when cut.</summary>
    public static string Excerpt(string? text, int length = 40)
    {
        var norm = Norm(text);
        return norm.Length <= length ? norm : norm[..length] + "…";
    }
}
