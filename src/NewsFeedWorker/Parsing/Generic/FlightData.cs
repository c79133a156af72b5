using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>
/// Reads the Next.js app-router flight stream: <c>self.__next_f.push([1,"..."])</c> calls whose strings, joined, hold
/// rows such as <c>5:{"json":...}</c> and text rows <c>1c:T5e8,&lt;p&gt;…</c>. A text row carries a long string (often
/// the article's HTML or its JSON-LD) that JSON rows point to as <c>"$1c"</c>; the reference is replaced by the text so
/// that the article object holds its body.
/// </summary>
internal static class FlightData
{
    private const string Marker = "__next_f.push(";

    private static readonly JsonReaderOptions ReaderOptions = new() { AllowTrailingCommas = true, AllowMultipleValues = true };

    /// <summary>Whether a script carries flight pushes.</summary>
    public static bool IsFlight(string script) => script.Contains(Marker, StringComparison.Ordinal);

    /// <summary>Appends the string chunks of a script's pushes; the stream is split across scripts mid-row.</summary>
    public static void AppendChunks(string script, StringBuilder flight)
    {
        var index = 0;
        while ((index = script.IndexOf(Marker, index, StringComparison.Ordinal)) >= 0)
        {
            index += Marker.Length;
            var end = script.IndexOf(Marker, index, StringComparison.Ordinal);
            var call = script.AsSpan(index, (end < 0 ? script.Length : end) - index);
            try
            {
                var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(UnicodeText.ValidJson(call.ToString())), ReaderOptions);
                using var arguments = JsonDocument.ParseValue(ref reader);
                if (arguments.RootElement.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in arguments.RootElement.EnumerateArray())
                    {
                        if (item.ValueKind == JsonValueKind.String)
                        {
                            flight.Append(item.GetString());
                        }
                    }
                }
            }
            catch (JsonException)
            {
                // not a JSON argument; skip this push
            }
        }
    }

    /// <summary>The stream's JSON rows, with references to text rows replaced by the text.</summary>
    public static IEnumerable<string> JsonRows(string flight)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var rows = new List<string>();
        var at = 0;
        while (at < flight.Length)
        {
            var colon = flight.IndexOf(':', at);
            if (colon < 0)
            {
                break;
            }

            // A row starts a line or follows a text row; whatever else precedes a line (a chunk cut off) is skipped.
            var lineStart = colon > at ? flight.LastIndexOf('\n', colon - 1, colon - at) : -1;
            var id = flight[(lineStart < 0 ? at : lineStart + 1)..colon];
            if (IsHex(id) && colon + 1 < flight.Length && flight[colon + 1] == 'T' && TextRow(flight, colon + 2) is var (text, next))
            {
                texts[id] = text;
                at = next;
                continue;
            }

            var newline = flight.IndexOf('\n', colon);
            var end = newline < 0 ? flight.Length : newline;
            if (IsHex(id) && colon + 1 < end && flight[colon + 1] is '{' or '[')
            {
                rows.Add(flight[(colon + 1)..end]);
            }

            at = end + 1;
        }

        return texts.Count == 0 ? rows : rows.Select(row => WithTexts(row, texts));
    }

    /// <summary>A text row after its <c>T</c>: a hex length in UTF-8 bytes, a comma, then that many bytes of text.</summary>
    private static (string Text, int Next)? TextRow(string flight, int at)
    {
        var comma = flight.IndexOf(',', at);
        if (comma < 0 || comma - at is 0 or > 8
            || !int.TryParse(flight.AsSpan(at, comma - at), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var bytes))
        {
            return null;
        }

        var end = comma + 1;
        while (bytes > 0 && end < flight.Length)
        {
            var c = flight[end];
            bytes -= c < 0x80 ? 1 : c < 0x800 ? 2 : char.IsHighSurrogate(c) ? 4 : char.IsLowSurrogate(c) ? 0 : 3;
            end++;
        }

        return (flight[(comma + 1)..end], end);
    }

    /// <summary>Replaces each <c>"$id"</c> string whose id names a text row with that text as a JSON string.</summary>
    private static string WithTexts(string row, Dictionary<string, string> texts)
    {
        StringBuilder? sb = null;
        var copied = 0;
        var at = 0;
        while ((at = row.IndexOf("\"$", at, StringComparison.Ordinal)) >= 0)
        {
            var close = row.IndexOf('"', at + 2);
            if (close < 0)
            {
                break;
            }

            if (texts.TryGetValue(row[(at + 2)..close], out var text))
            {
                sb ??= new StringBuilder(row.Length);
                sb.Append(row, copied, at - copied).Append('"').Append(JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value).Append('"');
                copied = close + 1;
            }

            at = close + 1;
        }

        return sb is null ? row : sb.Append(row, copied, row.Length - copied).ToString();
    }

    private static bool IsHex(string id) => id.Length is > 0 and <= 8 && id.All(char.IsAsciiHexDigit);
}
