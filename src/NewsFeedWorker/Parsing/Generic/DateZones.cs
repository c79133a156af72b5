using System.Buffers;
using AngleSharp.Dom;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>
/// Parts of a page whose dates are not the article's: scripts, navigation, footers, side columns (by name: an <c>aside</c> often holds the article's own facts), comment threads and
/// lists of related stories (each teaser there carries its own date).
/// </summary>
internal static class DateZones
{
    private static readonly SearchValues<string> OtherContent = SearchValues.Create(
        ["comment", "related", "sidebar", "footer", "recommend", "most-read", "mostread", "popular", "widget", "newsletter"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether nothing below <paramref name="element"/> dates the article.</summary>
    /// <param name="byName">Also skip by class and id names (side columns, related lists): right for unlabelled dates, too
    /// much for labelled ones, which a page may well put in a column beside the article ("Mise en ligne: 23 mai 2019").</param>
    public static bool IsSkipped(IElement element, bool byName = true)
        => element.LocalName is "script" or "style" or "noscript" or "template" or "nav" or "footer" or "select" or "svg"
            || DomWalk.ClassAndId(element).AsSpan() is var names && (byName ? names.IndexOfAny(OtherContent) >= 0 : names.Contains("comment", StringComparison.OrdinalIgnoreCase));
}
