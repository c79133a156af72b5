using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ganss.Xss;

namespace NewsFeedWorker.Parsing.Content;

/// <summary>The allow-list every body passes through (HtmlSanitizer): no scripts, frames, handlers or <c>javascript:</c> URLs.</summary>
internal static class BodySanitizer
{
    private static readonly HtmlSanitizer Sanitizer = Create();

    /// <summary>
    /// The empty document a body is sanitized in, one per thread: parsing a new one for every page cost a fifth of the
    /// sanitizing. It holds the last body until the next one arrives, when that page's extraction has long finished
    /// (a parse runs on one thread from start to end).
    /// </summary>
    [ThreadStatic]
    private static IHtmlDocument? Scratch;

    /// <summary>Sanitizes a detached copy of the body in place.</summary>
    /// <remarks>
    /// The copy moves into an empty document first: the sanitizer reads every style sheet of the document it is
    /// given, and the page's own would cost more than the body itself.
    /// </remarks>
    public static void Sanitize(IElement body, Uri baseUri)
    {
        var scratch = Scratch ??= HtmlLoader.Parse("<!DOCTYPE html><html><head></head><body></body></html>");
        var holder = scratch.Body!;
        while (holder.LastChild is { } previous)
        {
            holder.RemoveChild(previous);
        }

        holder.AppendChild(body);
        if (body is IHtmlElement html)
        {
            Sanitizer.SanitizeDom(scratch, html, baseUri.AbsoluteUri);
        }
    }

    private static HtmlSanitizer Create()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "div", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "figure",
                "figcaption", "img", "picture", "source", "video", "a", "strong", "b", "em", "i", "u", "s", "sub", "sup", "small",
                "mark", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "pre", "code", "hr", "cite", "q", "abbr",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "href", "src", "srcset", "sizes", "alt", "title", "width", "height", "poster", "controls", "colspan", "rowspan",
                "type", "media", "cite", "datetime",
            },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src", "poster", "cite", "srcset" },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        };

        return new HtmlSanitizer(options) { KeepChildNodes = true, AllowDataAttributes = false };
    }
}
