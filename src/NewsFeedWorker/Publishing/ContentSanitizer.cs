using System.Collections.Concurrent;
using Ganss.Xss;

namespace NewsFeedWorker.Publishing;

/// <summary>
/// Sanitizes HTML again at render time (defence in depth: the parser already did): no script, iframe,
/// on* handlers or javascript: URLs reach a feed even if a stored body was written by an older version.
/// </summary>
public sealed class ContentSanitizer
{
    // Sanitizing is the costly part of rendering (a full HTML parse per item) and one article sits in several
    // feeds (its source, the combined feed, its categories) that re-render on every change: remember results.
    private const long MaxRememberedChars = 32L * 1024 * 1024;

    private readonly HtmlSanitizer sanitizer = Create();
    private readonly ConcurrentDictionary<(string Html, string Base), string> remembered = new();
    private long rememberedChars;

    public string Sanitize(string html, Uri? baseUrl)
    {
        var key = (html, baseUrl?.AbsoluteUri ?? "");
        if (remembered.TryGetValue(key, out var clean))
        {
            return clean;
        }

        clean = sanitizer.Sanitize(XmlText.Clean(html), key.Item2);
        if (Interlocked.Add(ref rememberedChars, html.Length + clean.Length) > MaxRememberedChars)
        {
            // Crude but bounded: start over rather than track recency per entry.
            remembered.Clear();
            Interlocked.Exchange(ref rememberedChars, html.Length + clean.Length);
        }

        remembered[key] = clean;
        return clean;
    }

    private static HtmlSanitizer Create()
    {
        // Mutate the pre-populated defaults in place (reassigning a collection would drop them).
        var options = new HtmlSanitizerOptions();
        options.AllowedSchemes.Add("mailto");
        options.AllowedTags.Remove("iframe");
        options.AllowedTags.Remove("form");
        options.AllowedTags.Remove("input");
        options.AllowedTags.Remove("button");
        options.AllowedTags.Remove("textarea");
        options.AllowedTags.Remove("select");
        return new HtmlSanitizer(options);
    }
}
