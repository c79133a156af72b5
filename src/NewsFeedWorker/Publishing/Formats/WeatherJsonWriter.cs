using System.Globalization;
using System.Text.Json;
using NewsFeedWorker.Dedupe;
using NewsFeedWorker.Sources;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Publishing.Formats;

/// <summary>The structured readings behind the weather feeds (<c>/weather.json</c>), newest snapshot first.</summary>
public static class WeatherJsonWriter
{
    public static byte[] Write(IReadOnlyList<StoredWeather> snapshots, Func<string, SourceDefinition?> source)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, JsonFeedWriter.Options))
        {
            json.WriteStartObject();
            json.WriteStartArray("snapshots");
            foreach (var weather in snapshots)
            {
                var definition = source(weather.SourceId);
                var zone = FeedItemFactory.Zone(definition);
                json.WriteStartObject();
                json.WriteString("id", StableId.ToIri(weather.Id));
                json.WriteString("sourceId", weather.SourceId);
                if (definition is not null)
                {
                    json.WriteString("sourceName", definition.Name);
                }

                json.WriteString("date", WeatherPresentation.Date(weather, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                json.WriteString("seenAt", JsonFeedWriter.Rfc3339(weather.SeenAt));
                if (weather.Snapshot.Provider is { } provider)
                {
                    json.WriteString("provider", XmlText.Clean(provider));
                }

                json.WriteStartArray("readings");
                foreach (var reading in weather.Snapshot.Readings)
                {
                    json.WriteStartObject();
                    json.WriteString("station", reading.Station);
                    if (reading.Condition is { } condition)
                    {
                        json.WriteString("condition", condition);
                    }
                    else
                    {
                        json.WriteNull("condition");
                    }

                    json.WriteNumber("temperatureC", reading.TemperatureC);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return stream.ToArray();
    }
}
