using System.Globalization;
using System.Net;
using System.Text;
using DiffPlex;
using DiffPlex.Chunkers;
using NewsFeedWorker.Dedupe;
using NewsFeedWorker.Parsing;

namespace NewsFeedWorker.Publishing;

/// <summary>
/// What a correction changed, as HTML for a feed entry or the history page: old → new for the title and the other
/// fields, then the body's paragraphs added, removed or changed, the changed words marked with <c>del</c>/<c>ins</c>
/// (DiffPlex word diff). All text is encoded; paragraphs are cut at <see cref="MaxParagraphLength"/> characters and at
/// most <see cref="MaxParagraphs"/> of a body are compared, so a hostile page cannot make a diff costly.
/// </summary>
public static class RevisionDiff
{
    public const int MaxParagraphs = 300;
    public const int MaxParagraphLength = 3000;
    /// <summary>Paragraphs shown at most (changed, added, removed, and unchanged ones on the history page).</summary>
    public const int MaxShownBlocks = 60;

    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        [MaterialChange.Title] = "제목 / title",
        [MaterialChange.Subtitle] = "부제 / subtitle",
        [MaterialChange.Author] = "기자 / author",
        [MaterialChange.Published] = "발행 시각 / published",
        [MaterialChange.Updated] = "수정 시각 / updated",
        [MaterialChange.Text] = "본문 / text",
    };

    /// <summary>"제목 / title, 본문 / text": the changed fields named for readers.</summary>
    public static string Name(IEnumerable<string> changed) =>
        string.Join(", ", changed.Select(c => Labels.GetValueOrDefault(c, c)));

    /// <param name="unchangedParagraphs">Show the paragraphs that stayed too (the history page), or only what changed (a feed entry).</param>
    public static string Html(Article before, Article after, bool unchangedParagraphs = false)
    {
        var html = new StringBuilder();
        Field(html, MaterialChange.Title, before.Title, after.Title);
        Field(html, MaterialChange.Subtitle, before.Subtitle, after.Subtitle);
        Field(html, MaterialChange.Author, before.Author, after.Author);
        Field(html, MaterialChange.Published, Time(before.Published), Time(after.Published));
        Field(html, MaterialChange.Updated, Time(before.Updated), Time(after.Updated));
        Body(html, Paragraphs(before.BodyText), Paragraphs(after.BodyText), unchangedParagraphs);
        return html.ToString();
    }

    /// <summary>The text with the words that differ marked: removed ones in <c>del</c>, added ones in <c>ins</c>.</summary>
    public static string Words(string before, string after)
    {
        var diff = Differ.Instance.CreateDiffs(before, after, ignoreWhiteSpace: false, ignoreCase: false, new WordChunker());
        var html = new StringBuilder();
        var at = 0;
        foreach (var block in diff.DiffBlocks)
        {
            html.Append(Encode(string.Concat(Slice(diff.PiecesOld, at, block.DeleteStartA))));
            if (block.DeleteCountA > 0)
            {
                html.Append("<del>").Append(Encode(string.Concat(diff.PiecesOld.Skip(block.DeleteStartA).Take(block.DeleteCountA)))).Append("</del>");
            }

            if (block.InsertCountB > 0)
            {
                html.Append("<ins>").Append(Encode(string.Concat(diff.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB)))).Append("</ins>");
            }

            at = block.DeleteStartA + block.DeleteCountA;
        }

        return html.Append(Encode(string.Concat(Slice(diff.PiecesOld, at, diff.PiecesOld.Count)))).ToString();
    }

    private static void Field(StringBuilder html, string field, string? before, string? after)
    {
        if (MaterialChange.Words(before) == MaterialChange.Words(after))
        {
            return;
        }

        html.Append("<p class=\"field\"><strong>").Append(Encode(Labels[field])).Append(":</strong> ");
        if (string.IsNullOrWhiteSpace(before))
        {
            html.Append("<ins>").Append(Encode(after!)).Append("</ins>");
        }
        else if (string.IsNullOrWhiteSpace(after))
        {
            html.Append("<del>").Append(Encode(before)).Append("</del>");
        }
        else
        {
            html.Append("<del>").Append(Encode(before)).Append("</del> → <ins>").Append(Encode(after)).Append("</ins>");
        }

        html.Append("</p>\n");
    }

    private static void Body(StringBuilder html, string[] before, string[] after, bool unchanged)
    {
        var diff = Differ.Instance.CreateDiffs(string.Join('\n', before), string.Join('\n', after), ignoreWhiteSpace: true, ignoreCase: false, new LineChunker());
        var at = 0;
        var shown = 0;
        bool Show(string kind, string label, string body)
        {
            if (shown++ == MaxShownBlocks)
            {
                html.Append("<p class=\"more\">…</p>\n");
                return false;
            }

            html.Append("<p class=\"").Append(kind).Append('"');
            if (label.Length > 0)
            {
                html.Append("><strong>").Append(Encode(label)).Append(":</strong> ");
            }
            else
            {
                html.Append('>');
            }

            html.Append(body).Append("</p>\n");
            return true;
        }

        foreach (var block in diff.DiffBlocks)
        {
            if (unchanged && !Slice(diff.PiecesOld, at, block.DeleteStartA).All(same => Show("same", "", Encode(same))))
            {
                return;
            }

            at = block.DeleteStartA + block.DeleteCountA;
            var paired = Math.Min(block.DeleteCountA, block.InsertCountB);
            for (var i = 0; i < Math.Max(block.DeleteCountA, block.InsertCountB); i++)
            {
                var shownOne = i < paired
                    ? Show("changed", "바뀐 문단 / changed paragraph", Words(diff.PiecesOld[block.DeleteStartA + i], diff.PiecesNew[block.InsertStartB + i]))
                    : i < block.DeleteCountA
                        ? Show("removed", "삭제된 문단 / removed paragraph", "<del>" + Encode(diff.PiecesOld[block.DeleteStartA + i]) + "</del>")
                        : Show("added", "추가된 문단 / added paragraph", "<ins>" + Encode(diff.PiecesNew[block.InsertStartB + i]) + "</ins>");
                if (!shownOne)
                {
                    return;
                }
            }
        }

        if (unchanged)
        {
            _ = Slice(diff.PiecesOld, at, diff.PiecesOld.Count).All(same => Show("same", "", Encode(same)));
        }
    }

    /// <summary>The body's paragraphs (blank-line separated) on one line each, white space collapsed, capped.</summary>
    private static string[] Paragraphs(string text) =>
    [
        .. text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(MaterialChange.Words)
            .Where(p => p.Length > 0)
            .Take(MaxParagraphs)
            .Select(p => p.Length > MaxParagraphLength ? p[..MaxParagraphLength] + "…" : p),
    ];

    private static IEnumerable<string> Slice(IReadOnlyList<string> pieces, int from, int to) => pieces.Skip(from).Take(to - from);

    private static string? Time(DateTimeOffset? at) => at?.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(XmlText.Clean(text));
}
