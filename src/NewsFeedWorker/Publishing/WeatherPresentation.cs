using System.Globalization;
using System.Net;
using System.Text;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Publishing;

/// <summary>How a weather snapshot reads in a feed: a one-line title and an HTML table of every reading.</summary>
public static class WeatherPresentation
{
    /// <summary>The station named first in titles when present.</summary>
    public const string LeadStation = "서울";

    /// <summary>The date the snapshot is for: the page's date header, else the day it was seen in the source's zone.</summary>
    public static DateOnly Date(StoredWeather weather, TimeZoneInfo zone) =>
        weather.Snapshot.ObservedOn ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(weather.SeenAt, zone).DateTime);

    /// <summary><c>2025-11-08 기상청 날씨 — 서울 흐림 16.4℃ …</c></summary>
    public static string Title(StoredWeather weather, TimeZoneInfo zone)
    {
        var snapshot = weather.Snapshot;
        var provider = string.IsNullOrWhiteSpace(snapshot.Provider) ? "" : snapshot.Provider.Trim() + " ";
        var title = $"{Date(weather, zone):yyyy-MM-dd} {provider}날씨";
        var lead = snapshot.Readings.FirstOrDefault(r => r.Station == LeadStation) ?? (snapshot.Readings.Count > 0 ? snapshot.Readings[0] : null);
        if (lead is null)
        {
            return title;
        }

        title += " — " + Reading(lead);
        return snapshot.Readings.Count > 1 ? title + " …" : title;
    }

    public static string Reading(WeatherReading reading) =>
        reading.Condition is { Length: > 0 } condition
            ? $"{reading.Station} {condition} {Temperature(reading.TemperatureC)}"
            : $"{reading.Station} {Temperature(reading.TemperatureC)}";

    public static string Temperature(decimal celsius) => celsius.ToString("0.0", CultureInfo.InvariantCulture) + "℃";

    public static string Table(StoredWeather weather, TimeZoneInfo zone)
    {
        var snapshot = weather.Snapshot;
        var sb = new StringBuilder();
        sb.Append("<table><caption>")
            .Append(WebUtility.HtmlEncode($"{Date(weather, zone):yyyy-MM-dd}"));
        if (!string.IsNullOrWhiteSpace(snapshot.Provider))
        {
            sb.Append(" · ").Append(WebUtility.HtmlEncode(snapshot.Provider.Trim())).Append(" 제공");
        }

        sb.Append("</caption><thead><tr><th>지역</th><th>날씨</th><th>기온</th></tr></thead><tbody>");
        foreach (var reading in snapshot.Readings)
        {
            sb.Append("<tr><td>").Append(WebUtility.HtmlEncode(reading.Station))
                .Append("</td><td>").Append(WebUtility.HtmlEncode(reading.Condition ?? "–"))
                .Append("</td><td>").Append(Temperature(reading.TemperatureC))
                .Append("</td></tr>");
        }

        return sb.Append("</tbody></table>").ToString();
    }
}
