using AngleSharp.Dom;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>
/// The element a page itself declares as its article body: schema.org microdata
/// <c>itemprop="articleBody"</c>, or an id/class that news CMSs use only for the body container
/// (ndsoft's <c>article-view-content-div</c>, portal viewers' <c>dic_area</c>/<c>newsct_article</c>, …).
/// Parent scoring can lift a common parent over a short real body when teasers and header bits sit
/// beside it; a declaration that holds enough prose is a stronger signal than those scores.
/// </summary>
internal static class DeclaredBody
{
    /// <summary>Less text than this (a lead paragraph, a paywall stub) is not trusted over scoring.</summary>
    private const int MinText = 100;

    /// <summary>
    /// From this length on, scoring alone picks well, and the Readability reference adds the lead or
    /// header a parent holds beside the declared element; the declaration matters for short bodies,
    /// which otherwise fall to the retry with fewer rules that prefers the longest result.
    /// </summary>
    private const int MaxText = 1000;

    private static readonly HashSet<string> BodyNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "article-view-content-div", "articleBody", "article-body", "article_body", "articlebody",
        "dic_area", "newsct_article", "articeBody", "article_txt", "article-txt", "article_view",
        "news_body", "news-body", "newsEndContents", "article_content", "articleText", "article-text",
        "news_text", "view_text", "view_con", "cont_view", "article-view-body",
    };

    /// <summary>Finds the one declared body among the live elements, or null when there is none, several, or it is thin or long.</summary>
    public static NodeStats? Find(List<NodeStats> kept)
    {
        NodeStats? byItemprop = null;
        var itempropCount = 0;
        NodeStats? byName = null;
        var nameCount = 0;

        // From the last element up to the root: which of two equal declarations counts depends on the order.
        for (var i = kept.Count - 1; i >= 0; i--)
        {
            var stats = kept[i];
            var element = stats.Element;
            var itemprop = element.GetAttribute("itemprop");
            if (itemprop is not null && itemprop.Contains("articleBody", StringComparison.OrdinalIgnoreCase))
            {
                itempropCount++;
                byItemprop = stats;
            }
            else if (HasBodyName(element))
            {
                // A body named twice (wrapper and inner div) counts once, as the outer element.
                if (byName is null || element.Contains(byName.Element))
                {
                    nameCount = byName is null ? 1 : nameCount;
                    byName = stats;
                }
                else if (!byName.Element.Contains(element))
                {
                    nameCount++;
                }
            }
        }

        // Several declarations (one per teaser, say) say nothing about which one is the article.
        var declared = itempropCount == 1 ? byItemprop : itempropCount == 0 && nameCount == 1 ? byName : null;
        if (declared is null)
        {
            return null;
        }

        return declared.TextLength is >= MinText and < MaxText && declared.LinkDensity < 0.35 && declared.LongestProse >= 40 ? declared : null;
    }

    private static bool HasBodyName(IElement element)
    {
        if (element.Id is { Length: > 0 } id && BodyNames.Contains(id))
        {
            return true;
        }

        // Split here rather than through ClassList, which builds a token list object for every element asked.
        if (element.ClassName is not { Length: > 0 } className)
        {
            return false;
        }

        var names = BodyNames.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var range in className.AsSpan().SplitAny(" \t\n\f\r"))
        {
            if (names.Contains(className.AsSpan()[range]))
            {
                return true;
            }
        }

        return false;
    }
}
