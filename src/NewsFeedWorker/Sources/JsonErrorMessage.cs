using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsFeedWorker.Sources;

/// <summary>Turns System.Text.Json's exceptions into one sentence that names the key (and line/column for syntax errors).</summary>
internal static partial class JsonErrorMessage
{
    public static string Describe(JsonException ex, string json, bool topLevel)
    {
        var message = StripLocation(ex.Message);
        var key = KeyOf(ex.Path);

        if (UnmappedProperty().Match(message) is { Success: true } unmapped)
        {
            var name = unmapped.Groups["name"].Value;
            var full = key is null ? name : key.EndsWith(name, StringComparison.Ordinal) ? key : $"{key}.{name}";
            return $"unknown key \"{full}\" (check the spelling; keys are camelCase, see the README's configuration reference).";
        }

        if (MissingRequired().Match(message) is { Success: true } missing)
        {
            var names = missing.Groups["names"].Value.Replace("'", "\"", StringComparison.Ordinal);
            var prefix = key is null ? "" : $"in \"{key}\", ";
            return $"{prefix}required key {names} is missing.";
        }

        if (NullNotAllowed().IsMatch(message))
        {
            return $"key \"{key}\": must not be null.";
        }

        if (ConversionFailed().Match(message) is { Success: true } conversion)
        {
            if (key is null)
            {
                return topLevel
                    ? "the file must hold one object, { \"sources\": [ ... ] }."
                    : "a source must be an object, { \"id\": ..., \"name\": ..., \"schedule\": ..., \"startUrls\": [ ... ] }.";
            }

            return $"key \"{key}\": the value is not {Expected(conversion.Groups["type"].Value)}.";
        }

        if (ex.LineNumber is { } line && topLevel)
        {
            var column = ColumnOf(json, line, ex.BytePositionInLine ?? 0);
            return $"invalid JSON at line {line + 1}, column {column}: {message}";
        }

        return key is null ? message : $"key \"{key}\": {message}";
    }

    /// <summary>"$.selectors.title" becomes "selectors.title"; the root is null.</summary>
    private static string? KeyOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? null : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string StripLocation(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        }

        return (cut < 0 ? message : message[..cut]).Trim().TrimEnd('|').Trim();
    }

    /// <summary>System.Text.Json reports bytes; people count characters (Hangul is three bytes in UTF-8).</summary>
    private static long ColumnOf(string json, long lineIndex, long bytePosition)
    {
        var lines = json.Split('\n');
        if (lineIndex >= lines.Length)
        {
            return bytePosition + 1;
        }

        var bytes = Encoding.UTF8.GetBytes(lines[lineIndex]);
        var take = (int)Math.Min(bytePosition, bytes.Length);
        return Encoding.UTF8.GetCharCount(bytes, 0, take) + 1;
    }

    private static string Expected(string type) => type switch
    {
        "System.String" => "a string",
        "System.Int32" or "System.Int64" => "a whole number",
        "System.Boolean" => "true or false",
        "System.Uri" => "a URL",
        "System.TimeSpan" or "System.Nullable`1[System.TimeSpan]" => "a duration such as \"00:15:00\" (hh:mm:ss) or \"2.00:00:00\" (d.hh:mm:ss)",
        _ when type.Contains("Nullable`1[System.Int32]", StringComparison.Ordinal) => "a whole number",
        _ when type.Contains("IReadOnlyList", StringComparison.Ordinal) => "a list ([ ... ])",
        _ => $"of the expected kind ({type})",
    };

    [GeneratedRegex("The JSON property '(?<name>[^']*)' could not be mapped")]
    private static partial Regex UnmappedProperty();

    [GeneratedRegex("missing required properties including: (?<names>.*?)\\.?$")]
    private static partial Regex MissingRequired();

    [GeneratedRegex("doesn't allow (setting|getting) null values")]
    private static partial Regex NullNotAllowed();

    [GeneratedRegex("could not be converted to (?<type>\\S+?)\\.?$")]
    private static partial Regex ConversionFailed();
}
