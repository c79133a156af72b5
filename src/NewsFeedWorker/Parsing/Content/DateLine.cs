using System.Text.RegularExpressions;

namespace NewsFeedWorker.Parsing.Content;

/// <summary>
/// A short line that only dates the article or gives its reading time (<c>Stand: 08.07.2026 05:00 Uhr</c>,
/// <c>Published: 15:56 BST, 27 April 2024 | Updated: …</c>, <c>입력 2025.06.25 14:30</c>, <c>3 Min Lesezeit</c>): metadata
/// the article carries in its own fields, never body text in any ground truth of real news pages.
/// </summary>
internal static partial class DateLine
{
    /// <summary>Longest line that can be a date line: longer ones hold more than a date.</summary>
    public const int MaxLength = 120;

    public static bool Is(string line)
    {
        if (line.Length > MaxLength)
        {
            return false;
        }

        if (ReadingTime().IsMatch(line))
        {
            return true;
        }

        if (!NumericDate().IsMatch(line) && !NamedDate().IsMatch(line) && !CjkDate().IsMatch(line))
        {
            return false;
        }

        // What is left once dates, times, labels and separators are gone must be next to nothing.
        var rest = Leftover().Replace(NamedDate().Replace(CjkDate().Replace(NumericDate().Replace(line, " "), " "), " "), " ");
        return Letters().Count(rest) <= 3;
    }

    [GeneratedRegex(@"\b\d{1,4}\s?[./-]\s?\d{1,2}\s?[./-]\s?\d{2,4}\b\.?|\b\d{1,2}:\d{2}(?::\d{2})?\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex NumericDate();

    // Day and month name, or month name and year, in the languages of the development sets.
    [GeneratedRegex(@"(?:\b\d{1,2}\.?\s*)?\b(?:jan(?:uary|uar|vier|eiro)?|feb(?:ruary|ruar)?|fév(?:rier)?|mar(?:ch|s|zo)?|märz|apr(?:il|ile)?|avr(?:il)?|may|mai|mayo|maggio|jun(?:e|i|io)?|juin|jul(?:y|i|io)?|juil(?:let)?|aug(?:ust)?|août|ago(?:sto)?|sep(?:t|tember|tembre|tiembre)?|oct(?:ober|obre)?|okt(?:ober)?|ott(?:obre)?|nov(?:ember|embre)?|dec(?:ember)?|dez(?:ember)?|déc(?:embre)?|dic(?:iembre|embre)?|enero|febrero|abril|junio|julio|agosto|octubre|noviembre|diciembre|gennaio|febbraio|aprile|luglio|settembre|novembre|dicembre|janvier|mars|mai|septembre|octobre)\.?\s*(?:\d{1,2}(?:st|nd|rd|th)?,?\s*)?(?:\d{4})?\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex NamedDate();

    [GeneratedRegex(@"\d{2,4}\s*[년年]\s*\d{1,2}\s*[월月]\s*\d{1,2}\s*[일日]|\d{1,2}\s*[월月]\s*\d{1,2}\s*[일日]|[오午][전후前後]\s*\d{1,2}\s*[:시時]\s*\d{0,2}\s*분?", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex CjkDate();

    [GeneratedRegex(@"^\s*(?:lesezeit:?\s*)?\d{1,2}\s*(?:min(?:\.|ute[sn]?)?|minuten)\.?\s*(?:lesezeit|read|reading\s+time|de\s+lecture|de\s+lectura|di\s+lettura|läsning|읽기)?\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex ReadingTime();

    // Labels, weekday names, zones, clock words and separators that stand beside a date.
    [GeneratedRegex(@"(?i)(?<!\p{L})(?:published|updated|last\s+updated|posted|modified|created|on|at|am|pm|a\.m\.|p\.m\.|stand|veröffentlicht|aktualisiert|publiziert|zuletzt|erstellt|geändert|am|um|uhr|vom|publié|mis\s+à\s+jour|le|à|publicado|actualizado|el|a\s+las|pubblicato|aggiornato|alle|ore|il|gepubliceerd|bijgewerkt|op|om|publisert|oppdatert|publicerad|uppdaterad|kl|yayınlanma|güncelleme|güncellenme|tarihi|saat|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|utc|gmt|bst|cet|cest|mez|mesz|est|edt|cst|cdt|pst|pdt|et|kst|jst|aest|sast|h)(?!\p{L})|입력|수정|승인|등록|기사입력|최종수정|업데이트|송고|발행|게재|公開|更新|配信|[월화수목금토일](?:요일)?|\([^)]{0,3}\)|[\s\p{P}\p{S}\d]+", RegexOptions.None, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex Leftover();

    [GeneratedRegex(@"\p{L}", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Letters();
}
