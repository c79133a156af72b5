using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>
/// Decodes Nuxt 3's payload (<c>&lt;script id="__NUXT_DATA__" type="application/json"&gt;</c>, written by devalue): one flat
/// array in which an object's property values and an array's items are indices of other entries, and
/// <c>["Reactive", i]</c>-style pairs wrap a value. Decoded, it is ordinary JSON in which an article object is found by shape.
/// </summary>
internal static class NuxtPayload
{
    private const int MaxDepth = 48;

    private static readonly HashSet<string> Wrappers = new(StringComparer.Ordinal)
    {
        "Reactive", "ShallowReactive", "Ref", "ShallowRef", "EmptyRef", "EmptyShallowRef", "NuxtError", "Island",
    };

    /// <summary>Whether <paramref name="root"/> is such a payload: an array that starts with a wrapper pair.</summary>
    public static bool Is(JsonElement root)
        => root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 1 && root[0] is { ValueKind: JsonValueKind.Array } first
            && first.GetArrayLength() == 2 && first[0].ValueKind == JsonValueKind.String && Wrappers.Contains(first[0].GetString()!);

    /// <summary>The decoded value of the first entry, as JSON text.</summary>
    public static string Decode(JsonElement root)
    {
        var entries = root.EnumerateArray().ToArray();
        return Resolve(entries, new bool[entries.Length], 0, 0)?.ToJsonString() ?? "null";
    }

    /// <remarks>
    /// An object or array entry is decoded once: where the payload shares it (or refers back to it, a cycle) it is null
    /// the second time, so the decoded value is never larger than the payload. The article object is not shared.
    /// </remarks>
    private static JsonNode? Resolve(JsonElement[] entries, bool[] decoded, int index, int depth)
    {
        // Negative indices stand for undefined, NaN and the like.
        if (index < 0 || index >= entries.Length || depth > MaxDepth)
        {
            return null;
        }

        var entry = entries[index];
        if (entry.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
        {
            if (decoded[index])
            {
                return null;
            }

            decoded[index] = true;
        }

        switch (entry.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new JsonObject();
                foreach (var property in entry.EnumerateObject())
                {
                    obj[property.Name] = IsIndex(property.Value, out var at) ? Resolve(entries, decoded, at, depth + 1) : null;
                }

                return obj;
            case JsonValueKind.Array when entry.GetArrayLength() > 0 && entry[0].ValueKind == JsonValueKind.String:
                // A typed value: a wrapper around another entry, or a Date, Set, Map … kept as its first argument.
                var tag = entry[0].GetString()!;
                return entry.GetArrayLength() > 1 && IsIndex(entry[1], out var wrapped) && Wrappers.Contains(tag)
                    ? Resolve(entries, decoded, wrapped, depth + 1)
                    : entry.GetArrayLength() > 1 && entry[1].ValueKind == JsonValueKind.String ? JsonValue.Create(entry[1].GetString()) : null;
            case JsonValueKind.Array:
                var array = new JsonArray();
                foreach (var item in entry.EnumerateArray())
                {
                    array.Add(IsIndex(item, out var at) ? Resolve(entries, decoded, at, depth + 1) : null);
                }

                return array;
            case JsonValueKind.String:
                return JsonValue.Create(entry.GetString());
            case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                return JsonNode.Parse(entry.GetRawText());
            default:
                return null;
        }
    }

    private static bool IsIndex(JsonElement value, out int index)
    {
        index = -1;
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out index);
    }
}
