using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
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
