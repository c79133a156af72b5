using System.Text;

namespace NewsFeedWorker.Storage;

/// <summary>URL-safe category names: <c>IT/과학</c> becomes <c>it-과학</c> (Hangul is kept; URLs carry it percent-encoded).</summary>
public static class CategorySlug
{
    public static string From(string category)
    {
        var sb = new StringBuilder(category.Length);
        var dash = false;
        foreach (var c in category.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
                dash = false;
            }
            else if (!dash && sb.Length > 0)
            {
                sb.Append('-');
                dash = true;
            }
        }

        return sb.ToString().TrimEnd('-');
    }
}
