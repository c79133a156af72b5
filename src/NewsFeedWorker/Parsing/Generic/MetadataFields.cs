namespace NewsFeedWorker.Parsing.Generic;

/// <summary>Collects metadata values from several readers; the first reader to offer a field wins and is recorded as its method.</summary>
internal sealed class MetadataFields
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);
    private readonly List<DateText> published = [];
    private readonly List<DateText> updated = [];

    public Dictionary<string, ExtractionMethod> Methods { get; } = new(StringComparer.Ordinal);

    public string? BodyText { get; private set; }

    public ExtractionMethod? BodyMethod { get; private set; }

    /// <summary>The page says it is an article (JSON-LD article type, <c>og:type</c> article).</summary>
    public bool DeclaresArticle { get; set; }

    /// <summary>
    /// The page names itself a news or blog article (a JSON-LD article type other than WebPage/CreativeWork, <c>og:type</c>
    /// article, hydration data): enough to yield the article's title and date when no body is found.
    /// </summary>
    public bool DeclaresArticleType { get; set; }

    public string? this[string field] => values.GetValueOrDefault(field);

    /// <summary>Every publication date offered, in the readers' order of trust: the parse stage takes the first that holds.</summary>
    public IReadOnlyList<DateText> PublishedDates => published;

    /// <summary>Every update date offered, in the readers' order of trust.</summary>
    public IReadOnlyList<DateText> UpdatedDates => updated;

    /// <summary>
    /// Keeps <paramref name="value"/> when the field is still empty and the value has text; a date is also added to the
    /// field's candidates even when the field is taken.
    /// </summary>
    public void Offer(string field, string? value, ExtractionMethod method)
    {
        if (values.ContainsKey(field) && field is not (FieldNames.Published or FieldNames.Updated))
        {
            return;
        }

        var clean = TextMeasure.Collapse(System.Net.WebUtility.HtmlDecode(value));
        if (clean.Length == 0)
        {
            return;
        }

        // Dates are kept as a list of candidates: the first one offered may be a placeholder or lie in the future.
        if (field is FieldNames.Published or FieldNames.Updated)
        {
            var list = field == FieldNames.Published ? published : updated;
            if (!list.Exists(date => date.Text == clean))
            {
                list.Add(new DateText(clean, method));
            }

            if (values.ContainsKey(field))
            {
                return;
            }
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

    /// <summary>Empties a field a reader filled, when its value turned out to belong elsewhere (a lead put into the body).</summary>
    public void Withdraw(string field)
    {
        values.Remove(field);
        Methods.Remove(field);
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
