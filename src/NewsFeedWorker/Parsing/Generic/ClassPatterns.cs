using System.Buffers;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>
/// The class/id vocabularies that mark page furniture or article content, checked as substrings of
/// "class id" with SearchValues (one vectorised scan per element instead of a regex).
/// </summary>
internal static class ClassPatterns
{
    private static readonly SearchValues<string> Unlikely = SearchValues.Create(
        [
            "-ad-", "ai2html", "banner", "breadcrumb", "combx", "comment", "community", "cover-wrap", "disqus",
            "extra", "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss",
            "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate",
            "pagination", "pager", "popup", "yom-remote", "cookie", "consent",

            // Beyond Readability's list: widgets common on Korean and other news CMSs (관련기사 "relation",
            // 많이 본 뉴스 "ranking", 댓글 "reply", copyright and newsletter boxes).
            "relation", "ranking", "popular", "most-read", "mostread", "most_read", "reply", "recommend",
            "copyright", "newsletter", "subscribe",
        ],
        StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> MaybeCandidate = SearchValues.Create(
        ["and", "article", "body", "column", "content", "main", "mathjax", "shadow"],
        StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> Positive = SearchValues.Create(
        ["article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post", "text", "blog", "story"],
        StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> Negative = SearchValues.Create(
        [
            "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr", "masthead", "media",
            "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper",
            "sponsor", "shopping", "tags", "widget", "relation", "ranking", "copyright", "keyword",
        ],
        StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> Byline = SearchValues.Create(
        ["byline", "author", "dateline", "writtenby", "p-author"],
        StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> Share = SearchValues.Create(
        ["share", "sharedaddy", "sns", "social"],
        StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> RoleWords = SearchValues.Create(
        ["related", "relation", "comment", "reply", "share", "sns", "footer", "sidebar", "banner", "ranking", "copyright", "newsletter", "recommend"],
        StringComparison.OrdinalIgnoreCase);

    public static bool IsUnlikely(ReadOnlySpan<char> classAndId)
        => classAndId.IndexOfAny(Unlikely) >= 0 && (classAndId.IndexOfAny(MaybeCandidate) < 0 || HasFurnitureRole(classAndId));

    /// <summary>
    /// CMSs namespace their classes ("article_relation", "news-comment", "article-footer"): the last word
    /// of a compound name says what the block is, so a content-like prefix must not rescue it.
    /// </summary>
    private static bool HasFurnitureRole(ReadOnlySpan<char> classAndId)
    {
        if (classAndId.IndexOfAny(RoleWords) < 0)
        {
            return false;
        }

        foreach (var range in classAndId.Split(' '))
        {
            var name = classAndId[range];
            var last = name.LastIndexOfAny('-', '_');
            if (last > 0 && name[(last + 1)..].IndexOfAny(RoleWords) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsByline(ReadOnlySpan<char> classAndId) => classAndId.IndexOfAny(Byline) >= 0;

    public static bool IsShare(ReadOnlySpan<char> classAndId) => classAndId.IndexOfAny(Share) >= 0;

    /// <summary>+25 for content-like names, -25 for furniture-like ones, for class and id separately.</summary>
    public static int Weight(string? className, string? id)
    {
        var weight = 0;
        if (!string.IsNullOrEmpty(className))
        {
            weight += WeightOf(className);
        }

        if (!string.IsNullOrEmpty(id))
        {
            weight += WeightOf(id);
        }

        return weight;
    }

    private static int WeightOf(ReadOnlySpan<char> name)
    {
        var weight = 0;
        if (name.IndexOfAny(Negative) >= 0 || IsHidToken(name))
        {
            weight -= 25;
        }

        if (name.IndexOfAny(Positive) >= 0)
        {
            weight += 25;
        }

        return weight;
    }

    private static bool IsHidToken(ReadOnlySpan<char> name)
    {
        foreach (var range in name.Split(' '))
        {
            if (name[range].Equals("hid", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
