using System.Text;
using System.Text.Json;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>
/// Finds an article in the data that client-rendered pages embed for hydration: <c>__NEXT_DATA__</c>
/// and other JSON scripts, <c>window.X = {...}</c> assignments (Apollo, React-Query dehydrated state)
/// and Next.js flight pushes (<c>self.__next_f.push([1,"..."])</c>). The article is the object with a
/// title-like and the longest body-like string field.
/// </summary>
internal static class HydrationReader
{
    /// <summary>Minimum body size, CJK characters counting double (see <see cref="ReaderableCheck"/>).</summary>
    private const int MinBodyLength = 250;
    private const int MaxDepth = 64;
    private const int MaxAssignments = 16;

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        AllowMultipleValues = true,
    };

    /// <summary>The article found in the page's scripts, or null.</summary>
    public static HydratedArticle? Read(PageIndex index)
    {
        HydratedArticle? best = null;
        var flight = new StringBuilder();
        foreach (var script in index.Scripts)
        {
            var type = script.GetAttribute("type");
            if (type is not null && type.Length > 0 && !type.Contains("json", StringComparison.OrdinalIgnoreCase)
                && !type.Contains("javascript", StringComparison.OrdinalIgnoreCase) && !type.Equals("module", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (type?.Contains("ld+json", StringComparison.OrdinalIgnoreCase) == true)
            {
                continue; // JSON-LD is read as metadata
            }

            var text = script.TextContent;
            if (text.Contains("__next_f.push", StringComparison.Ordinal))
            {
                // The flight stream is split across many scripts, mid-line: join it before reading.
                AppendFlight(text, flight);
                continue;
            }

            if (text.Length >= MinBodyLength / 2)
            {
                Consider(JsonPayloads(text, type), ref best);
            }
        }

        if (flight.Length > 0)
        {
            Consider(FlightLines(flight.ToString()), ref best);
        }

        return best;
    }

    private static void Consider(IEnumerable<string> payloads, ref HydratedArticle? best)
    {
        foreach (var json in payloads)
        {
            var found = FindIn(json);
            if (found is not null && (best is null || found.BodyLength > best.BodyLength))
            {
                best = found;
            }
        }
    }

    /// <summary>Flight rows look like <c>5:{"json":...}</c>; the JSON ones are read.</summary>
    private static IEnumerable<string> FlightLines(string flight)
    {
        foreach (var line in flight.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && colon + 1 < line.Length && line[colon + 1] is '{' or '[')
            {
                yield return line[(colon + 1)..];
            }
        }
    }

    /// <summary>The JSON values a script carries: the whole text for JSON scripts, else the object literals it assigns.</summary>
    private static IEnumerable<string> JsonPayloads(string text, string? type)
    {
        var trimmed = text.AsSpan().Trim();
        if (type?.Contains("json", StringComparison.OrdinalIgnoreCase) == true || (trimmed.Length > 0 && trimmed[0] is '{' or '['))
        {
            yield return text;
            yield break;
        }

        // window.__APOLLO_STATE__ = {...}; window["x"] = {...}; JSON.parse("...") is left out on purpose: rare and costly.
        var index = 0;
        var attempts = 0;
        while (attempts < MaxAssignments && (index = text.IndexOf('=', index)) >= 0)
        {
            var equals = index;
            var start = index + 1;
            while (start < text.Length && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            index = start;
            var before = equals == 0 ? ' ' : text[equals - 1];
            if (start < text.Length && text[start] == '{' && before is not ('=' or '!' or '<' or '>') && OpensJsonObject(text, start))
            {
                attempts++;
                yield return text[start..];
            }
        }
    }

    /// <summary>
    /// Whether the object literal at <paramref name="start"/> can be JSON: its first key is quoted (or it is empty).
    /// Script literals such as <c>{ facebook: '...' }</c> are common on news pages; rejecting them here spares a
    /// thrown and caught JsonException per page.
    /// </summary>
    internal static bool OpensJsonObject(string text, int start)
    {
        var next = start + 1;
        while (next < text.Length && char.IsWhiteSpace(text[next]))
        {
            next++;
        }

        return next < text.Length && text[next] is '"' or '}';
    }

    /// <summary>Appends the string chunks of a script's <c>self.__next_f.push([1,"..."])</c> calls.</summary>
    private static void AppendFlight(string text, StringBuilder builder)
    {
        const string marker = "__next_f.push(";
        var index = 0;
        while ((index = text.IndexOf(marker, index, StringComparison.Ordinal)) >= 0)
        {
            index += marker.Length;
            try
            {
                var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text[index..]), ReaderOptions);
                using var call = JsonDocument.ParseValue(ref reader);
                if (call.RootElement.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in call.RootElement.EnumerateArray())
                    {
                        if (item.ValueKind == JsonValueKind.String)
                        {
                            builder.Append(item.GetString());
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

    private static HydratedArticle? FindIn(string json)
    {
        JsonDocument parsed;
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), ReaderOptions);
            parsed = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException)
        {
            return null; // a JavaScript literal that is not JSON
        }

        using (parsed)
        {
            HydratedArticle? best = null;
            Walk(parsed.RootElement, 0, ref best);
            return best;
        }
    }

    private static void Walk(JsonElement element, int depth, ref HydratedArticle? best)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Walk(item, depth + 1, ref best);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var candidate = ArticleObject.Read(element, MinBodyLength);
        if (candidate is not null && (best is null || candidate.BodyLength > best.BodyLength))
        {
            best = candidate;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                Walk(property.Value, depth + 1, ref best);
            }
            else if (property.Value.ValueKind == JsonValueKind.String && property.Name is "pageProps" or "data" or "props")
            {
                // Some apps double-encode their state as a JSON string.
                var nested = property.Value.GetString();
                if (nested is { Length: > MinBodyLength } && nested.TrimStart().StartsWith('{'))
                {
                    var inner = FindIn(nested);
                    if (inner is not null && (best is null || inner.BodyLength > best.BodyLength))
                    {
                        best = inner;
                    }
                }
            }
        }
    }
}
