using AngleSharp.Dom;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>
/// Where a story ends inside its container: the reader comments (WordPress's <c>#comments</c>/<c>#respond</c>, Disqus)
/// and the previous/next-story navigation (<c>rel=prev</c>/<c>rel=next</c> links, <c>post-navigation</c>) come after
/// the article on every blog and news CMS. Whatever the container holds from there on (comment rules, ad-blocker notes,
/// a "filed under" line, donation appeals) belongs to the page, not to the story.
/// </summary>
internal static class ArticleEnd
{
    /// <summary>Text the story must already have shown before a marker counts (a pager or comment count in the header does not end it).</summary>
    public const int TextBefore = 500;

    /// <summary>Shortest text of a link that names another story (a headline), not a pager's or gallery's "Next".</summary>
    private const int StoryLinkText = 20;

    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "comments", "respond", "comment-respond", "comments-area", "comments-section", "comment-section",
        "comments-list", "comment-list", "commentlist", "comments-container", "comments-wrapper", "disqus_thread",
        "post-navigation", "post-nav", "nav-links", "loop-nav", "nav-previous", "nav-next",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NameSpans = Names.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether a block the content choice passed over (between two merged siblings) is, or holds, a marker.</summary>
    public static bool HoldsMarker(IElement element)
    {
        if (IsMarker(element))
        {
            return true;
        }

        var walk = new DomWalk(element);
        while (walk.NextElement() is { } inner)
        {
            if (IsMarker(inner))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsMarker(IElement element)
    {
        if (element.LocalName == "a")
        {
            // A link to the previous or next story names it; a gallery's or carousel's "Weiter" button inside the story does not.
            var rel = element.GetAttribute("rel");
            return rel is not null && (rel.Contains("prev", StringComparison.OrdinalIgnoreCase) || rel.Contains("next", StringComparison.OrdinalIgnoreCase))
                && element.GetAttribute("role") is null && element.TextContent.AsSpan().Trim().Length >= StoryLinkText;
        }

        if (element.Id is { Length: > 0 } id && Names.Contains(id))
        {
            return true;
        }

        var className = element.ClassName;
        if (string.IsNullOrEmpty(className))
        {
            return false;
        }

        foreach (var range in className.AsSpan().Split(' '))
        {
            if (NameSpans.Contains(className.AsSpan()[range]))
            {
                return true;
            }
        }

        return false;
    }
}
