using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NewsFeedWorker.Publishing.Formats;

/// <summary>Renders a feed as JSON Feed 1.1 (https://jsonfeed.org/version/1.1).</summary>
public static class JsonFeedWriter
{
    public const string Version = "https://jsonfeed.org/version/1.1";

    // Relaxed escaping keeps Hangul readable; safe because the output is served as JSON, never inlined in HTML.
    internal static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = true,
    };

    public static byte[] Write(FeedDocument document, FeedLinks links)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteString("version", Version);
            json.WriteString("title", document.Title);
            json.WriteString("home_page_url", (document.HomeLink ?? links.BaseUrl).AbsoluteUri);
            json.WriteString("feed_url", links.Self(document.Definition, FeedFormat.Json).AbsoluteUri);
            json.WriteString("description", document.Description);
            if (document.Language is { } language)
            {
                json.WriteString("language", language);
            }

            json.WriteStartArray("authors");
            json.WriteStartObject();
            json.WriteString("name", document.AuthorName);
            json.WriteEndObject();
            json.WriteEndArray();
            if (links.Hub is { } hub)
            {
                json.WriteStartArray("hubs");
                json.WriteStartObject();
                json.WriteString("type", "WebSub");
                json.WriteString("url", hub.AbsoluteUri);
                json.WriteEndObject();
                json.WriteEndArray();
            }

            json.WriteStartArray("items");
            foreach (var item in document.Items)
            {
                WriteItem(json, item, links);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>RFC 3339 with the source's offset, whole seconds (what every JSON Feed reader parses).</summary>
    public static string Rfc3339(DateTimeOffset value) =>
        value.ToString(value.Offset == TimeSpan.Zero ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static void WriteItem(Utf8JsonWriter json, FeedItem item, FeedLinks links)
    {
        json.WriteStartObject();
        json.WriteString("id", item.Id);
        json.WriteString("url", item.Link.AbsoluteUri);
        json.WriteString("title", item.Title);
        json.WriteString("content_html", links.Content(item));
        if (item.Summary is { } summary)
        {
            json.WriteString("summary", summary);
        }

        if (item.Image is { } image)
        {
            json.WriteString("image", image.Url.AbsoluteUri);
        }

        json.WriteString("date_published", Rfc3339(item.Published));
        json.WriteString("date_modified", Rfc3339(item.Updated));
        if (item.Author is { } author)
        {
            json.WriteStartArray("authors");
            json.WriteStartObject();
            json.WriteString("name", author);
            json.WriteEndObject();
            json.WriteEndArray();
        }

        if (item.Categories.Count > 0)
        {
            json.WriteStartArray("tags");
            foreach (var category in item.Categories)
            {
                json.WriteStringValue(category);
            }

            json.WriteEndArray();
        }

        if (item.Language is { } language)
        {
            json.WriteString("language", language);
        }

        if (item.Image is { MediaType: { } type } attachment)
        {
            json.WriteStartArray("attachments");
            json.WriteStartObject();
            json.WriteString("url", attachment.Url.AbsoluteUri);
            json.WriteString("mime_type", type);
            if (attachment.Length is { } length)
            {
                json.WriteNumber("size_in_bytes", length);
            }

            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
    }
}
