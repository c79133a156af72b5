using System.Text.RegularExpressions;

namespace NewsFeedWorker.Parsing.Content;

/// <summary>Tidies the text of single fields: bylines (<c>기자명 홍길동 기자</c>), breadcrumbs, labelled dates.</summary>
internal static partial class FieldText
{
    /// <summary><c>기자명 홍길동 기자 hong@x.kr</c> gives <c>홍길동</c>; English <c>By Jane Doe</c> gives <c>Jane Doe</c>.</summary>
    public static string? Author(string? text)
    {
        var cleaned = TextNormalizer.Clean(text);
        if (cleaned is null)
        {
            return null;
        }

        // Wire style "(서울=연합뉴스) 홍길동 기자" or "[연합뉴스 = 홍길동 기자]": the dateline goes, the name follows '='.
        cleaned = Dateline().Replace(cleaned, "");
        var equals = cleaned.LastIndexOf('=');
        if (equals >= 0 && equals < cleaned.Length - 1)
        {
            cleaned = cleaned[(equals + 1)..];
        }

        cleaned = AuthorNoise().Replace(cleaned, " ");
        cleaned = TextNormalizer.Clean(cleaned.Trim(' ', '|', '/', '·', ',', '(', ')', '[', ']'));
        return cleaned is { Length: > 0 and <= 80 } ? cleaned : null;
    }

    /// <summary>The last step of a breadcrumb (<c>홈 &gt; 뉴스 &gt; IT/과학</c> gives <c>IT/과학</c>).</summary>
    public static string? Category(string? text)
    {
        var cleaned = TextNormalizer.Clean(text);
        if (cleaned is null)
        {
            return null;
        }

        var cut = cleaned.LastIndexOfAny(['>', '›', '»']);
        return TextNormalizer.Clean(cut >= 0 ? cleaned[(cut + 1)..] : cleaned);
    }

    /// <summary>The part of a byline row that belongs to one date: <c>입력 … 수정 …</c> split by label.</summary>
    public static string DatePart(string text, bool updated)
    {
        var labels = updated ? UpdatedLabel() : PublishedLabel();
        var match = labels.Match(text);
        if (!match.Success)
        {
            // An unlabelled row: the first date is the published one, a second the update.
            return text;
        }

        var rest = text[(match.Index + match.Length)..];
        var other = (updated ? PublishedLabel() : UpdatedLabel()).Match(rest);
        return other.Success ? rest[..other.Index] : rest;
    }

    public static bool HasUpdatedLabel(string text) => UpdatedLabel().IsMatch(text);

    [GeneratedRegex(@"기자명|기자\s*=?|특파원|객원기자|인턴기자|편집위원|논설위원|입력\s*[\d.:\- ]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|^\s*(?:by|글|사진|작성자)\s*[:：]?\s+|다른기사\s*보기|구독", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex AuthorNoise();

    [GeneratedRegex(@"^\s*\([^)]*\)\s*", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Dateline();

    [GeneratedRegex(@"(?:기사\s*)?(?:입력|등록|작성|게재|발행|승인|Published)\s*(?:일|일시|시간)?\s*[:：]?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex PublishedLabel();

    [GeneratedRegex(@"(?:최종\s*)?(?:수정|업데이트|갱신|Updated|Modified)\s*(?:일|일시|시간)?\s*[:：]?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex UpdatedLabel();
}
