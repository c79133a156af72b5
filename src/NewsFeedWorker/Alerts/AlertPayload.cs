using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NewsFeedWorker.Sources;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Alerts;

/// <summary>The JSON body of an alert (the webhook's body; ntfy and e-mail are made from it) and the delivery id.</summary>
public static class AlertPayload
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The same id for one topic, story and target on every node (hex of a SHA-256).</summary>
    public static string DeliveryId(string topicId, string storyId, string target) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{topicId}\n{storyId}\n{target}")))[..32];

    /// <summary>The same id for one topic, correction (article and revision number) and target on every node.</summary>
    public static string UpdateDeliveryId(string topicId, string articleId, int revision, string target) =>
        DeliveryId(topicId, $"{articleId}\nrevision {revision.ToString(System.Globalization.CultureInfo.InvariantCulture)}", target);

    /// <param name="correction">When the alert is an "updated" one: the correction (its revision number and the fields it changed).</param>
    public static string Create(
        string deliveryId, TopicDefinition topic, StoredArticle stored, IReadOnlyList<SourceDefinition> sources, bool test = false, ArticleCorrection? correction = null)
    {
        var article = stored.Article;
        var source = sources.FirstOrDefault(s => s.Id == stored.SourceId);
        var summary = article.Summary ?? (article.BodyText.Length > 300 ? article.BodyText[..300].TrimEnd() + "…" : article.BodyText);
        var body = new Message(
            deliveryId,
            test,
            new TopicRef(topic.Id, topic.Name),
            article.Title,
            article.Url,
            summary,
            new SourceRef(stored.SourceId, source?.Name ?? stored.SourceId),
            article.Published ?? stored.FirstSeen,
            [.. stored.RelatedLinks.Select(u => new Related(u, SourceOf(u, sources)))],
            correction is not null,
            correction?.Seq,
            correction?.Changed);
        return JsonSerializer.Serialize(body, Json);
    }

    public static Message Read(string json) => JsonSerializer.Deserialize<Message>(json, Json)!;

    /// <summary>The source whose hosts serve <paramref name="url"/>, when one does.</summary>
    private static string? SourceOf(Uri url, IReadOnlyList<SourceDefinition> sources) =>
        sources.FirstOrDefault(s => s.EffectiveAllowedHosts.Contains(url.Host, StringComparer.OrdinalIgnoreCase))?.Id;

    public sealed record Message(
        string Id, bool Test, TopicRef Topic, string Title, Uri Url, string Summary, SourceRef Source, DateTimeOffset Published, IReadOnlyList<Related> Related,
        bool Updated = false, int? Revision = null, IReadOnlyList<string>? ChangedFields = null);

    public sealed record TopicRef(string Id, string Name);

    public sealed record SourceRef(string Id, string Name);

    public sealed record Related(Uri Url, string? Source);
}
