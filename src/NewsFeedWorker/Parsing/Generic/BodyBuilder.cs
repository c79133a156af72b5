using System.Net;
using AngleSharp.Dom;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>Builds a content element from a body that came as a string (hydration HTML or JSON-LD plain text).</summary>
internal static class BodyBuilder
{
    public static IElement FromHtml(IDocument document, string html)
    {
        var container = document.CreateElement("div");
        if (!html.Contains('<', StringComparison.Ordinal))
        {
            return FromText(document, html);
        }

        container.InnerHtml = html;
        foreach (var element in container.QuerySelectorAll("script, style, iframe, object, embed, form, button, input, noscript"))
        {
            element.Remove();
        }

        return container;
    }

    /// <summary>Plain text becomes one paragraph per non-empty line.</summary>
    public static IElement FromText(IDocument document, string text)
    {
        var container = document.CreateElement("div");
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var paragraph = document.CreateElement("p");
            paragraph.TextContent = WebUtility.HtmlDecode(line);
            container.AppendChild(paragraph);
        }

        return container;
    }
}
