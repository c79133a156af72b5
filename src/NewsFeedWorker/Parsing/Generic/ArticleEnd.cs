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

    private static readonly HashSet<string> CommentNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "comments", "respond", "comment-respond", "comments-area", "comments-section", "comment-section",
        "comments-list", "comment-list", "commentlist", "comments-container", "comments-wrapper", "disqus_thread",
    };

    private static readonly HashSet<string> Names = new(CommentNames, StringComparer.OrdinalIgnoreCase)
    {
        "post-navigation", "post-nav", "nav-links", "loop-nav", "nav-previous", "nav-next",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NameSpans = Names.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CommentNameSpans = CommentNames.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Whether <paramref name="element"/> is or lies inside the reader comments: a looser scoring attempt finds a long
    /// comment thread under a short post, and the thread is never the article.
    /// </summary>
    public static bool InCommentSection(IElement element)
    {
        for (IElement? node = element; node is not null; node = node.ParentElement)
        {
            if (Named(node, CommentNameSpans))
            {
                return true;
            }
        }

        return false;
    }

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

        return Named(element, NameSpans);
    }

    private static bool Named(IElement element, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> names)
    {
        if (element.Id is { Length: > 0 } id && names.Contains(id))
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
            if (names.Contains(className.AsSpan()[range]))
            {
                return true;
            }
        }

        return false;
    }
}
