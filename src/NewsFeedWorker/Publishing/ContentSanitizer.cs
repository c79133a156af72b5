using Ganss.Xss;

namespace NewsFeedWorker.Publishing;

/// <summary>
/// Sanitizes HTML again at render time (defence in depth: the parser already did): no script, iframe,
/// on* handlers or javascript: URLs reach a feed even if a stored body was written by an older version.
/// </summary>
public sealed class ContentSanitizer
{
    private readonly HtmlSanitizer sanitizer = Create();

    public string Sanitize(string html, Uri? baseUrl) => sanitizer.Sanitize(XmlText.Clean(html), baseUrl?.AbsoluteUri ?? "");

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
