using System.Text.RegularExpressions;
using AngleSharp.Css.Dom;
using AngleSharp.Dom;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>
/// The section a location line names: <c>HOME &gt; IT/과학</c>, <c>HOME / IT/과학</c>, <c>현재위치 : 홈 &gt; 경제</c>, or a
/// short list whose first item is HOME; the last part is the article's section.
/// </summary>
internal static partial class LocationTrail
{
    /// <summary>A section name is short; a longer last part is a headline or a sentence.</summary>
    public const int MaxSection = 20;

    /// <summary>A location line is short; a longer text is the page around it.</summary>
    private const int MaxLine = 60;

    private static readonly ISelector Link = SelectorQuery.Compile("a[href]")!;
    private static readonly ISelector Furniture = SelectorQuery.Compile("[" + BodyCleaner.FurnitureMark + "]")!;

    private static readonly string[] HomeWords = ["HOME", "Home", "home", "홈", "메인", "처음으로"];

    // After a space, inside a line: built once, not for every line above the body.
    private static readonly string[] SpacedHomeWords = HomeWords.Select(h => " " + h).ToArray();

    /// <summary>The section a location line ends with: <c>HOME &gt; IT/과학</c>, or a list whose first item is HOME.</summary>
    public static string? Of(IElement container) => Of(container, out _);

    /// <summary>The same, with the element that holds the whole location line.</summary>
    public static string? Of(IElement container, out IElement? trail)
    {
        trail = null;
        for (var element = container; element is not null && element.LocalName != "body"; element = element.ParentElement)
        {
            // Climbing ends at the first ancestor longer than a line, often a large part of the page: that is counted
            // without building its text.
            if (ShortText.HasMoreThan(element, MaxLine) || TextNormalizer.Clean(element.TextContent) is not { Length: <= MaxLine } text)
            {
                return null;
            }

            if (element.LocalName is "ul" or "ol" && element.Children.Length is >= 2 and <= 4
                && TextNormalizer.Clean(element.Children[0].TextContent) is { } first && Array.IndexOf(HomeWords, first) >= 0)
            {
                trail = element;
                return TextNormalizer.Clean(element.Children[^1].TextContent);
            }

            text = LocationLabel().Replace(text, "");
            // "<a href="/"><img alt="홈"></a> > IT/과학", "<a href="/"><i class="icon-home"></i></a> > IT/과학": HOME is an icon.
            var home = HomeWords.FirstOrDefault(h => text.StartsWith(h, StringComparison.Ordinal))
                ?? (StartsWithHomeIcon(element, text) ? "" : null);
            if (home is not null)
            {
                // "HOME > IT/과학", "HOME / IT/과학": the home word, a separator, the sections; "홈페이지" is not a trail.
                var parts = TrailSeparator().Split(text[home.Length..]);
                var section = parts[^1].Trim();
                if (parts.Length > 1 && parts[0].Trim().Length == 0 && section.Length is > 0 and <= MaxSection)
                {
                    trail = element;
                    return section;
                }

                return null;
            }
        }

        return null;
    }

    // The line's first link goes to the front page and shows no text, and a separator follows it.
    private static bool StartsWithHomeIcon(IElement element, string text) =>
        TrailSeparator().Match(text) is { Success: true, Index: 0 }
        && element.ChildNodes.QuerySelector(Link) is { } first && ShortText.IsBlank(first) && PageShows.IsFrontPage(first.GetAttribute("href"));

    /// <summary>A location line anywhere above the body, when none stood next to the headline.</summary>
    public static string? Anywhere(List<IText> texts)
    {
        foreach (var text in texts)
        {
            var line = TextNormalizer.Clean(text.Data);
            if (line is { Length: <= MaxLine } && NamesHome(line)
                && text.ParentElement is { } parent && SelectorQuery.Closest(parent, Furniture) is null && Of(parent) is { } section)
            {
                return section;
            }
        }

        return null;
    }

    // A home word opens the line or follows a space in it.
    private static bool NamesHome(string line)
    {
        foreach (var home in HomeWords)
        {
            if (line.StartsWith(home, StringComparison.Ordinal))
            {
                return true;
            }
        }

        foreach (var home in SpacedHomeWords)
        {
            if (line.Contains(home, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^(?:현재\s*위치|위치|location|you are here)\s*[:：]?\s*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex LocationLabel();

    [GeneratedRegex(@"\s*(?:>|›|»|＞|::|\|)\s*|\s+/\s+", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex TrailSeparator();
}
