using NewsFeedWorker.Suggesting;

namespace NewsFeedWorker.Cli;

/// <summary>The human report of <c>suggest</c>: the pages, the check of each field on each page, the block.</summary>
internal static class SuggestionText
{
    public static void Write(TextWriter output, Suggestion suggestion)
    {
        output.WriteLine($"Learned from {suggestion.Pages.Count - 1} article pages of {suggestion.Pages[0]}:");
        for (var i = 1; i < suggestion.Pages.Count; i++)
        {
            output.WriteLine($"  page {i}  {suggestion.Pages[i]}");
        }

        output.WriteLine();
        output.WriteLine("Configured mode with the block, field by field (ok = the same value as generic mode):");
        if (suggestion.Source.DateFormats.Count > 0)
        {
            output.WriteLine($"  (dates read with dateFormats {string.Join(", ", suggestion.Source.DateFormats.Select(f => "\"" + f + "\""))}, in generic mode too)");
        }

        foreach (var check in suggestion.Checks)
        {
            output.WriteLine($"  {check.Field,-11} {(check.Selector is null ? "(no selector: generic extraction)" : "\"" + check.Selector + "\"")}");
            for (var i = 0; i < check.Pages.Count; i++)
            {
                var cell = check.Pages[i];
                output.WriteLine($"    page {i + 1}  {(cell.Agrees ? "ok  " : "DIFF")}  {cell.Method,-9}  {cell.Value}");
            }
        }

        if (suggestion.Omitted.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Left out:");
            foreach (var omission in suggestion.Omitted)
            {
                output.WriteLine($"  {omission.Key}: {omission.Reason}");
            }
        }

        output.WriteLine();
        output.WriteLine(SourceBlockJson.Write(suggestion.Source, suggestion.Omitted, comments: true));
    }
}
