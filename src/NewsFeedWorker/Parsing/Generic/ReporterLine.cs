using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>
/// The reporter's sign-off that closes a Korean story (<c>홍길동 기자 hong@example.com</c>, <c>[홍길동 기자]</c>): the body
/// cleaner drops it as a contact line, so the author is read from it first.
/// </summary>
internal static partial class ReporterLine
{
    /// <summary>
    /// A sign-off stands among the short lines after the story's last sentence (<c>홍길동 기자</c>, <c>hong@example.com</c>,
    /// <c>&lt;저작권자 ⓒ … 무단전재 및 재배포 금지&gt;</c>, a tip line, a related link): so many, and no sentence among them.
    /// </summary>
    private const int LastLines = 10;

    public static string? Find(IElement content)
    {
        var last = new Queue<string>(LastLines + 1);
        var walk = new DomWalk(content);
        while (walk.MoveNext())
        {
            if (walk.Current is IText text && TextNormalizer.Clean(text.Data) is { } line)
            {
                last.Enqueue(line);
                if (last.Count > LastLines)
                {
                    last.Dequeue();
                }
            }
        }

        foreach (var line in last.Reverse())
        {
            if (line.Length <= 80 && SignOff().IsMatch(line))
            {
                return line;
            }

            // The story's own text: a sign-off is never above it.
            if (line.Length > 80 || (line.Length >= 30 && Sentence().IsMatch(line)))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>The reporter named in a byline row (<c>홍길동 기자</c> in <c>홍길동 기자 | 입력 2025.06.25</c>), or null.</summary>
    public static string? InByline(string line) => Named().Match(line) is { Success: true } match ? match.Value : null;

    [GeneratedRegex(@"^[\[(]?\s*[가-힣]{2,4}\s*(?:기자|특파원|객원기자|인턴기자)\s*[\])]?(?:\s+[\w.+-]+@[\w-]+(?:\.[\w-]+)+)?$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex SignOff();

    [GeneratedRegex(@"(?:다|요)\.[""”’']?$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Sentence();

    [GeneratedRegex(@"(?<![가-힣])[가-힣]{2,4}\s*(?:기자|특파원)(?![가-힣])", RegexOptions.CultureInvariant, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex Named();
}
