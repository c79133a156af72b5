using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Ganss.Xss;

namespace NewsFeedWorker.Publishing;

/// <summary>
/// Sanitizes item HTML at render time: no script, iframe, on* handlers or javascript: URLs reach a feed, whoever
/// wrote the stored body.
/// </summary>
/// <remarks>
/// The parser sanitizes every body it makes; this second pass stays because the store is a boundary the parser does
/// not own: a PostgreSQL store is shared by every worker of a cluster, so during a rolling upgrade bodies written by
/// other versions (with other allow-lists) are served by this one; a store can be restored from a backup made by an
/// older version; and the item content also holds HTML composed here (lead image, credit, related links, the weather
/// table). Feed readers render this HTML, so the last word on it belongs to the stage that sends it. See
/// docs/architecture.md, "Why bodies are sanitized twice".
/// </remarks>
public sealed class ContentSanitizer
{
    // Sanitizing is the costly part of rendering (a full HTML parse per item) and one article sits in several
    // feeds (its source, the combined feed, its categories) that re-render on every change: remember results.
    // Counts the clean output only (the input is not kept): about as many entries as the 32 M chars of both before.
    private const long MaxRememberedChars = 16L * 1024 * 1024;

    private readonly HtmlSanitizer sanitizer = Create();
    // Keyed by a hash of the input, not the input: holding every body twice (dirty and clean) kept up to 64 MB of
    // strings alive during a scrape cycle.
    private readonly ConcurrentDictionary<(UInt128 Html, string Base), string> remembered = new();
    private long rememberedChars;

    public string Sanitize(string html, Uri? baseUrl)
    {
        var key = (Hash(html), baseUrl?.AbsoluteUri ?? "");
        if (remembered.TryGetValue(key, out var clean))
        {
            return clean;
        }

        clean = sanitizer.Sanitize(XmlText.Clean(html), key.Item2);
        if (Interlocked.Add(ref rememberedChars, clean.Length) > MaxRememberedChars)
        {
            // Crude but bounded: start over rather than track recency per entry.
            remembered.Clear();
            Interlocked.Exchange(ref rememberedChars, clean.Length);
        }

        remembered[key] = clean;
        return clean;
    }

    // 128 bits of SHA-256: pages are hostile input, but making two bodies share these bits is out of anyone's reach.
    private static UInt128 Hash(string html)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(MemoryMarshal.AsBytes(html.AsSpan()), digest);
        return MemoryMarshal.Read<UInt128>(digest);
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
