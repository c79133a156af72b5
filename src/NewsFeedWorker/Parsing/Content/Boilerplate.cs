using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace NewsFeedWorker.Parsing.Content;

/// <summary>What counts as page furniture inside an article body: class/id words and Korean boilerplate lines.</summary>
internal static partial class Boilerplate
{
    public static readonly FrozenSet<string> DroppedTags = new[]
    {
        "script", "style", "noscript", "iframe", "form", "button", "input", "select", "textarea", "nav", "aside", "footer",
        "ins", "object", "embed", "svg", "canvas", "template", "link", "meta", "dialog", "menu",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Compared with whole class/id words (split on '-', '_' and spaces), never as substrings: "head" is not "ad".
    private static readonly FrozenSet<string> JunkWords = new[]
    {
        "ad", "ads", "advert", "advertisement", "adsbygoogle", "banner", "sponsor", "sponsored", "promotion", "promo",
        "share", "sharing", "sns", "social", "comment", "comments", "reply", "replies", "related", "relation", "recommend",
        "recommended", "popular", "ranking", "rank", "copyright", "reporter", "journalist", "editors", "tags", "tag",
        "keyword", "keywords", "print", "subscribe", "newsletter", "outbrain", "taboola", "dable", "toolbar", "btn", "breadcrumb",
        "pagination", "paging", "navigation", "gnb", "lnb", "sidebar", "weather", "hidden", "sr-only", "blind",
        // Author boxes, reader polls and feedback prompts after the story.
        "author", "authors", "autor", "bio", "byline", "profile", "poll", "survey", "quiz", "feedback",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> TeaserWords = new[] { "teaser", "teasers" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Consent and cookie layers over the page (a consent management platform, "cmp"): never the article, whatever
    // else their names say ("modal-content" must not pass for content).
    private static readonly FrozenSet<string> OverlayWords = new[]
    {
        "cmp", "consent", "cookie", "cookies", "gdpr",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Captions and photo credits: shown beside their image in the HTML, never article text.
    private static readonly FrozenSet<string> CaptionWords = new[]
    {
        "caption", "captions", "figcaption", "credit", "credits", "bildunterschrift", "legende", "legend",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // An image's text named by two words ("img_desc", "photo-txt", "image_text"): a caption under its photo. A caption is
    // short; a long block so named is a photo story's body.
    private static readonly FrozenSet<string> ImageWords = new[]
    {
        "img", "image", "photo", "pic", "picture", "figure", "fig",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> ImageTextWords = new[]
    {
        "desc", "description", "txt", "text", "explain",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private const int ImageTextLimit = 300;

    public static bool IsJunkName(string? classOrId) => HasWord(classOrId, JunkWords);

    /// <summary>
    /// Another story's teaser set inside the body ("Mehr zum Thema", "Lesen Sie auch" cards): named a teaser and
    /// headed by a link to that story. A lead paragraph named "teaser" has no linked heading and stays.
    /// </summary>
    public static bool IsTeaserCard(AngleSharp.Dom.IElement element)
    {
        if (!HasWord(element.ClassName, TeaserWords) && !HasWord(element.Id, TeaserWords))
        {
            return false;
        }

        foreach (var link in element.GetElementsByTagName("a"))
        {
            if (link.HasAttribute("href")
                && ((link.Closest("h2, h3, h4, h5, h6") is { } heading && element.Contains(heading)) || link.QuerySelector("h2, h3, h4, h5, h6") is not null))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A consent or cookie layer, by its class or id words.</summary>
    public static bool IsOverlay(AngleSharp.Dom.IElement element)
        => HasWord(element.ClassName, OverlayWords) || HasWord(element.Id, OverlayWords);

    /// <summary>A caption or photo-credit element, by its class or id words.</summary>
    public static bool IsCaption(AngleSharp.Dom.IElement element)
        => element.LocalName == "figcaption" || HasWord(element.ClassName, CaptionWords) || HasWord(element.Id, CaptionWords)
            || (IsImageTextName(element.ClassName) && element.TextContent.Length <= ImageTextLimit);

    /// <summary>One class name made of an image word and a text word ("img_desc"); two classes ("text has-image") are not one.</summary>
    private static bool IsImageTextName(string? className)
    {
        if (string.IsNullOrEmpty(className))
        {
            return false;
        }

        // Split as spans: this runs on every element of every body, and most have a class.
        var classes = className.AsSpan();
        foreach (var range in classes.Split(' '))
        {
            var name = classes[range];
            if (HasWord(name, ImageWords) && HasWord(name, ImageTextWords))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasWord(string? classOrId, FrozenSet<string> words) => HasWord(classOrId.AsSpan(), words);

    private static bool HasWord(ReadOnlySpan<char> classOrId, FrozenSet<string> words)
    {
        if (classOrId.IsEmpty)
        {
            return false;
        }

        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var range in classOrId.SplitAny(" -_"))
        {
            var word = classOrId[range];
            if (word.Length > 1 && lookup.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Copyright and reporter-contact lines: <c>무단전재 및 재배포 금지</c>, <c>홍길동 기자 =</c>, e-mail lines.</summary>
    public static bool IsBoilerplateLine(string line)
    {
        if (line.Length <= 200 && CopyrightPattern().IsMatch(line))
        {
            return true;
        }

        if (line.Length <= 40 && ReactionPromptPattern().IsMatch(line))
        {
            return true;
        }

        // "홍길동 기자 =" alone is a contact line; "(서울=연합뉴스) 홍길동 기자 = 정부는 …" is the story's first sentence.
        return ReporterPattern().IsMatch(line) || (line.Length <= 60 && EmailPattern().IsMatch(line));
    }

    /// <summary>The origin of a credit line such as <c>[뉴스출처 : 행정안전부]</c>, or null when the line is not one.</summary>
    public static string? CreditOrigin(string line)
    {
        if (line.Length > 80)
        {
            return null;
        }

        var match = CreditPattern().Match(line);
        return match.Success ? TextNormalizer.Clean(match.Groups["origin"].Value) : null;
    }

    [GeneratedRegex(@"무단\s*전재|재배포\s*금지|저작권자\s*[©ⓒ(]|copyright\s*(?:[©ⓒ]|\(c\))|all rights reserved|[ⓒ©]\s*\S", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex CopyrightPattern();

    [GeneratedRegex(@"^[^=]{0,40}기자\s*=\s*$|^[\[(]?\s*[가-힣]{2,4}\s*(?:기자|특파원|객원기자|인턴기자)\s*[\])]?$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex ReporterPattern();

    // The reader-reaction prompt above the like/sad/angry buttons: "이 기사가 마음에 드시나요?", "이 기사를 추천합니다".
    [GeneratedRegex(@"^이\s*기사(?:가|를|는|에|의)?\s*(?:마음에\s*드시나요|마음에\s*드셨나요|어떠셨나요|어떠세요|어떠신가요|좋으셨나요|도움이\s*되셨나요|추천합니다|추천하기|추천해\s*주세요|공유합니다|공유하기)\s*[?？.!]?$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex ReactionPromptPattern();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\s*[\[<(【]?\s*(?:뉴스\s*출처|기사\s*출처|출처|자료\s*제공|보도자료\s*제공|제공)\s*[:：]\s*(?<origin>[^\]>)】]+?)\s*[\]>)】]?\s*$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex CreditPattern();
}
