using System.Text;
using System.Text.Json;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>
/// Finds an article in the data that client-rendered pages embed for hydration: <c>__NEXT_DATA__</c>
/// and other JSON scripts (Nuxt's index-encoded payload decoded by <see cref="NuxtPayload"/>),
/// <c>window.X = {...}</c> assignments (Apollo, Redux, React-Query dehydrated state),
/// streamed pushes (<c>window["X"].push({...})</c>) and the Next.js flight stream (<see cref="FlightData"/>).
/// The article is chosen by shape, never by site: the object with a title-like field and the longest body-like field
/// (<see cref="ArticleObject"/>).
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
            if (FlightData.IsFlight(text))
            {
                // The flight stream is split across many scripts, mid-row: joined before reading.
                FlightData.AppendChunks(text, flight);
                continue;
            }

            if (text.Length >= MinBodyLength / 2)
            {
                Consider(JsonPayloads(text, type), ref best);
            }
        }

        if (flight.Length > 0)
        {
            Consider(FlightData.JsonRows(flight.ToString()), ref best);
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

    /// <summary>
    /// The JSON values a script carries: the whole text for JSON scripts, else the object literals it assigns
    /// (<c>window.__APOLLO_STATE__ = {...}</c>, <c>window.__INITIAL_STATE__ = {...}</c>) or pushes
    /// (React-Query streamed hydration <c>window["__RQ_x"].push({...})</c>, <c>(window["X"] = window["X"] || []).push({...})</c>).
    /// </summary>
    private static IEnumerable<string> JsonPayloads(string text, string? type)
    {
        var trimmed = text.AsSpan().Trim();
        if (type?.Contains("json", StringComparison.OrdinalIgnoreCase) == true || (trimmed.Length > 0 && trimmed[0] is '{' or '['))
        {
            yield return text;
            yield break;
        }

        // JSON.parse("...") is left out on purpose: rare and costly.
        var index = 0;
        var attempts = 0;
        while (attempts < MaxAssignments && (index = text.IndexOfAny(['=', '('], index)) >= 0)
        {
            var opener = index;
            var start = index + 1;
            while (start < text.Length && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            index = start;
            if (start < text.Length && text[start] == '{' && IsAssignmentOrPush(text, opener) && OpensJsonObject(text, start))
            {
                attempts++;
                yield return ObjectAt(text, start);
            }
        }
    }

    /// <summary>
    /// The object literal at <paramref name="start"/>, cut after its closing brace: the rest of the script (often more
    /// assignments, each tried in turn) was copied and encoded for every one. Brackets are counted outside strings as the
    /// JSON reader reads them; a slash outside a string (a comment the reader skips, or no JSON at all) or a literal that
    /// never closes keeps the whole rest, as before.
    /// </summary>
    internal static string ObjectAt(string text, int start)
    {
        var depth = 0;
        var inString = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c is '{' or '[')
            {
                depth++;
            }
            else if (c is '}' or ']' && --depth == 0)
            {
                return text[start..(i + 1)];
            }
            else if (c == '/')
            {
                break;
            }
        }

        return text[start..];
    }

    /// <summary>An <c>=</c> that assigns (not <c>==</c>, <c>!=</c>, <c>&lt;=</c>, <c>&gt;=</c>), or the <c>(</c> of a <c>.push(</c> call.</summary>
    private static bool IsAssignmentOrPush(string text, int opener)
    {
        if (text[opener] == '(')
        {
            return opener >= 5 && text.AsSpan(opener - 5, 5).SequenceEqual(".push");
        }

        return opener == 0 || text[opener - 1] is not ('=' or '!' or '<' or '>');
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

    private static HydratedArticle? FindIn(string json)
    {
        JsonDocument parsed;
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(UnicodeText.ValidJson(json)), ReaderOptions);
            parsed = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException)
        {
            return null; // a JavaScript literal that is not JSON
        }

        using (parsed)
        {
            if (NuxtPayload.Is(parsed.RootElement))
            {
                return FindIn(NuxtPayload.Decode(parsed.RootElement));
            }

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
