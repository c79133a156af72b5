using System.Text;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Parsing.Generic;

namespace NewsFeedWorker.Dedupe;

/// <summary>
/// Which fields of an article changed the way a reader would call a correction: title, subtitle, author, the
/// published and updated times, or the body text. The threshold: a text field changes when at least one of its words
/// differs (added, removed or spelled otherwise). Differences in white space (runs, line breaks, non-breaking and
/// zero-width spaces, soft hyphens) are none; the body's markup and its link and image URLs (where tracking
/// parameters live) are not compared at all; furniture is gone before this point (the parser's furniture memory).
/// </summary>
public static class MaterialChange
{
    public const string Title = FieldNames.Title;
    public const string Subtitle = FieldNames.Subtitle;
    public const string Author = FieldNames.Author;
    public const string Published = FieldNames.Published;
    public const string Updated = FieldNames.Updated;
    /// <summary>The body text (the history's JSON names it so).</summary>
    public const string Text = "text";

    /// <summary>The fields that changed, in the order above; empty when the change is not material.</summary>
    public static IReadOnlyList<string> Between(Article before, Article after)
    {
        var changed = new List<string>();
        Add(changed, Title, Words(before.Title) != Words(after.Title));
        Add(changed, Subtitle, Words(before.Subtitle) != Words(after.Subtitle));
        Add(changed, Author, Words(before.Author) != Words(after.Author));
        Add(changed, Published, before.Published != after.Published);
        Add(changed, Updated, before.Updated != after.Updated);
        Add(changed, Text, Words(before.BodyText) != Words(after.BodyText));
        return changed;
    }

    /// <summary>The text's words joined by single spaces: every kind of white space separates, zero-width characters and soft hyphens vanish.</summary>
    public static string Words(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD')
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    private static void Add(List<string> changed, string field, bool differs)
    {
        if (differs)
        {
            changed.Add(field);
        }
    }
}
