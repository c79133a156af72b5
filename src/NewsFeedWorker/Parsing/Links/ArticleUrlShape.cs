using System.Text.RegularExpressions;

namespace NewsFeedWorker.Parsing.Links;

/// <summary>Built-in shapes of article URLs on news sites (<c>articleView.html?idxno=</c>, <c>/article/</c>, numeric ids …).</summary>
internal static partial class ArticleUrlShape
{
    public static bool Matches(Uri url, Regex? configured)
    {
        if (configured is not null)
        {
            return IsMatch(configured, url.AbsoluteUri);
        }

        return MatchesBuiltIn(url.PathAndQuery);
    }

    /// <summary>The built-in shapes on an escaped path and query (<see cref="Uri.PathAndQuery"/>, or a raw href's that Uri keeps as written).</summary>
    public static bool MatchesBuiltIn(ReadOnlySpan<char> pathAndQuery)
    {
        return MayMatchBuiltIn(pathAndQuery) && !NotArticle().IsMatch(pathAndQuery) && Article().IsMatch(pathAndQuery);
    }

    /// <summary>
    /// False when the text surely fails every built-in shape: each holds a digit (an id, a date) but
    /// <c>/news/articleView</c>, so most of a page's links (sections, tags) fail on that alone. Also true of a text that
    /// <see cref="Uri"/> would still rewrite (dot segments), as long as escaping adds no digit. Keep it in step with
    /// <see cref="Article"/>.
    /// </summary>
    public static bool MayMatchBuiltIn(ReadOnlySpan<char> text) =>
        text.IndexOfAnyInRange('0', '9') >= 0 || text.Contains("articleView", StringComparison.OrdinalIgnoreCase);

    /// <summary>An operator's pattern; one that runs away on a URL (its timeout) counts as no match.</summary>
    public static bool IsMatch(Regex pattern, string url)
    {
        try
        {
            return pattern.IsMatch(url);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"articleView\.(?:html|php|asp)\?(?:.*&)?idxno=\d+|/news/articleView|/articles?/[\w\-%]*\d|/view/[\w\-]*\d|/news/\d{4,}|[?&](?:idxno|wr_id|aid|article_id|articleId|articleno|news_id|newsId|newsid|nid|no|idx|arcid|seq|num)=\d{3,}|/\d{4}/\d{2}/\d{2}/[\w\-%]{6,}|/\d{6,}(?:\.s?html?)?(?:$|\?)|/[a-z\-]+-\d{5,}(?:\.html?)?$|(?:read|view|show)\.(?:php|asp|aspx|jsp|html?)\?.*=\d{3,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Article();

    [GeneratedRegex(@"articleList|/list(?:\.|/|$)|[?&]page=|/tag/|/tags/|/search|/login|/member|/author/|/reporter|/rss|\.(?:jpe?g|png|gif|webp|pdf|zip|mp4)(?:$|\?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex NotArticle();
}
