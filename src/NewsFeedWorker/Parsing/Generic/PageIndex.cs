using System.Buffers;
using AngleSharp.Dom;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>
/// Everything the metadata readers and the article test look up, gathered in one walk over the
/// document instead of one selector query per reader.
/// </summary>
internal sealed class PageIndex
{
    private static readonly SearchValues<string> SubtitleNames = SearchValues.Create(
        ["subtitle", "sub-title", "sub_title", "subheading", "subhead", "standfirst", "article-dek"],
        StringComparison.OrdinalIgnoreCase);

    public List<IElement> Metas { get; } = [];
    public List<IElement> LdJsonScripts { get; } = [];
    public List<IElement> Scripts { get; } = [];
    public List<IElement> Headings { get; } = [];
    public List<IElement> SubtitleCandidates { get; } = [];
    public List<IElement> SectionLabels { get; } = [];
    public IElement? Breadcrumb { get; private set; }

    /// <summary>Paragraph-like nodes the article test looks at: p, pre, article, and divs holding br.</summary>
    public List<IElement> ProseNodes { get; } = [];

    public string? CanonicalHref { get; private set; }
    public string? ImageSrcHref { get; private set; }
    public string? BaseHref { get; private set; }
    public IElement? DatePublishedItem { get; private set; }
    public IElement? TimeInArticle { get; private set; }
    public IElement? PubdateTime { get; private set; }
    public IElement? AnyTime { get; private set; }

    public static PageIndex Build(IDocument document)
    {
        var index = new PageIndex();
        var root = document.DocumentElement;
        if (root is null)
        {
            return index;
        }

        IElement? lastBrParent = null;
        var walk = new DomWalk(root);
        for (var node = walk.NextElement(); node is not null; node = walk.NextElement())
        {
            switch (node.LocalName)
            {
                case "meta":
                    index.Metas.Add(node);
                    break;
                case "script":
                    index.Scripts.Add(node);
                    if (node.GetAttribute("type")?.Contains("ld+json", StringComparison.OrdinalIgnoreCase) == true)
                    {
                        index.LdJsonScripts.Add(node);
                    }

                    break;
                case "link":
                    var rel = node.GetAttribute("rel");
                    if (rel is not null)
                    {
                        if (index.CanonicalHref is null && HasToken(rel, "canonical"))
                        {
                            index.CanonicalHref = node.GetAttribute("href");
                        }
                        else if (index.ImageSrcHref is null && HasToken(rel, "image_src"))
                        {
                            index.ImageSrcHref = node.GetAttribute("href");
                        }
                    }

                    break;
                case "base":
                    index.BaseHref ??= node.GetAttribute("href");
                    break;
                case "time" when node.HasAttribute("datetime"):
                    index.AnyTime ??= node;
                    if (node.HasAttribute("pubdate"))
                    {
                        index.PubdateTime ??= node;
                    }

                    if (index.TimeInArticle is null && DomWalk.HasAncestor(node, "article"))
                    {
                        index.TimeInArticle = node;
                    }

                    break;
                case "p" or "pre" or "article":
                    index.ProseNodes.Add(node);
                    break;
                // Text runs split by <br>: in a div, and on table-layout pages in a cell or the <font> inside it.
                case "br" when node.ParentElement is { LocalName: "div" or "td" or "font" } parent && parent != lastBrParent:
                    lastBrParent = parent;
                    index.ProseNodes.Add(parent);
                    break;
                case "div" when HoldsOnlyText(node):
                    // A paragraph written as a div of its own (Readability turns such divs into p before scoring).
                    index.ProseNodes.Add(node);
                    break;
                case "h1" or "h2" or "h3":
                    index.Headings.Add(node);
                    break;
            }

            if (index.DatePublishedItem is null && node.GetAttribute("itemprop") is { } itemprop)
            {
                if (HasToken(itemprop, "datePublished"))
                {
                    index.DatePublishedItem = node;
                }
                else if (HasToken(itemprop, "alternativeHeadline"))
                {
                    index.SubtitleCandidates.Add(node);
                }
            }

            var classAndId = DomWalk.ClassAndId(node);
            if (classAndId.Length == 0)
            {
                continue;
            }

            if (classAndId.AsSpan().IndexOfAny(SubtitleNames) >= 0)
            {
                index.SubtitleCandidates.Add(node);
            }

            if (SectionFinder.IsSectionLabel(classAndId))
            {
                index.SectionLabels.Add(node);
            }
            else if (index.Breadcrumb is null && classAndId.Contains("breadcrumb", StringComparison.OrdinalIgnoreCase))
            {
                index.Breadcrumb = node;
            }
        }

        return index;
    }

    private static bool HoldsOnlyText(IElement div)
    {
        var text = false;
        foreach (var child in div.ChildNodes)
        {
            if (child is IElement element && element.LocalName is not ("br" or "a" or "b" or "strong" or "em" or "i" or "span" or "font" or "u" or "sup" or "sub" or "mark"))
            {
                return false;
            }

            text |= child is IText { Data.Length: > 0 } run && !string.IsNullOrWhiteSpace(run.Data);
        }

        return text;
    }

    private static bool HasToken(string list, string token)
    {
        foreach (var range in list.AsSpan().Split(' '))
        {
            if (list.AsSpan()[range].Equals(token, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
