using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using NewsFeedWorker.Parsing;

namespace NewsFeedWorker.Storage;

/// <summary>How records are kept in text columns, and the hashes that tell "changed" from "the same".</summary>
internal static class StoreJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"Stored JSON for {typeof(T).Name} is null.");

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Readings in a form where 16.4 and 16.40 are the same reading.</summary>
    public static string ReadingsHash(IReadOnlyList<WeatherReading> readings)
    {
        var sb = new StringBuilder();
        foreach (var r in readings)
        {
            sb.Append(r.Station).Append('\t').Append(r.Condition).Append('\t')
              .Append((r.TemperatureC / 1.000000000000000000000000000m).ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return Hash(sb.ToString());
    }
}
