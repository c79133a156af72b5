namespace NewsFeedWorker.Parsing.Generic;

/// <summary>Collects metadata values from several readers; the first reader to offer a field wins and is recorded as its method.</summary>
internal sealed class MetadataFields
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    public Dictionary<string, ExtractionMethod> Methods { get; } = new(StringComparer.Ordinal);

    public string? BodyText { get; private set; }

    public ExtractionMethod? BodyMethod { get; private set; }

    /// <summary>The page says it is an article (JSON-LD article type, <c>og:type</c> article).</summary>
    public bool DeclaresArticle { get; set; }

    public string? this[string field] => values.GetValueOrDefault(field);

    /// <summary>Keeps <paramref name="value"/> when the field is still empty and the value has text.</summary>
    public void Offer(string field, string? value, ExtractionMethod method)
    {
        if (values.ContainsKey(field))
        {
            return;
        }

        var clean = TextMeasure.Collapse(System.Net.WebUtility.HtmlDecode(value));
        if (clean.Length == 0)
        {
            return;
        }

        values[field] = clean;
        Methods[field] = method;
    }

    /// <summary>Overrides a field an earlier reader filled, when a later reader knows it was wrong (a site name for a title).</summary>
    public void Replace(string field, string value, ExtractionMethod method)
    {
        values.Remove(field);
        Offer(field, value, method);
    }

    public void OfferBodyText(string? text, ExtractionMethod method)
    {
        if (BodyText is null && !string.IsNullOrWhiteSpace(text))
        {
            BodyText = text;
            BodyMethod = method;
        }
    }
}
