using System.Globalization;
using System.Text;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Tests.Parsing.Furniture;

/// <summary>
/// A hand-written news site whose article pages share a subscription note and a reporter box inside the article, as
/// many sites print them, around story paragraphs that differ from page to page.
/// </summary>
internal static class FurnitureSite
{
    public const string SubscriptionNote = "Local reporting costs money: readers like you pay for the Riverside Courier, five dollars a month keeps it going.";

    public const string ReporterBox = "Maria Jensen reports on city hall and the harbour for the Riverside Courier since 2019.";

    public static readonly DateTimeOffset FetchedAt = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    private static readonly string[] Stories =
    [
        "The harbour authority approved a new ferry terminal on Monday after two years of planning. Construction starts in spring and the budget stands at forty million.",
        "Residents of the old mill quarter packed the town hall to protest a parking plan. The council postponed its vote until the traffic study is published.",
        "A heat wave pushed the river to its lowest level in decades, and barges now sail half loaded. Shippers warn that fuel prices at the pumps will follow.",
        "The city library reopens after a renovation that added a reading garden and a repair cafe. Volunteers will fix lamps and bicycles on Saturdays.",
        "Firefighters rescued a family of ducks from a storm drain near the stadium on Tuesday. The rescue drew a crowd and a round of applause.",
    ];

    public static Uri Url(int page) => new($"https://courier.example/news/2026/11/story-{page}.html");

    public static SourceDefinition Source(ArticleSelectors? selectors = null) => new()
    {
        Id = "courier",
        Name = "Riverside Courier",
        Schedule = "0 */15 * * * ?",
        StartUrls = [new Uri("https://courier.example/news/")],
        Selectors = selectors,
        Language = "en",
    };

    /// <summary>Article page <paramref name="page"/> (1 to 5): its own story, the site's two boxes, and <paramref name="extra"/> paragraphs.</summary>
    public static byte[] Page(int page, params string[] extra)
    {
        var story = Stories[page - 1];
        var sentences = story.Split(". ");
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Story {page} | Riverside Courier</title></head>
            <body><header><nav><a href="/">Home</a> <a href="/news/">News</a></nav></header>
            <main><article class="story"><h1>{sentences[0]}</h1>
            <div class="story-body">
            <p>{story} The mayor's office said it would publish the details on its website later this week.</p>
            <p>{sentences[^1]} Officials expect more news about case number {page * 137} before the end of the month.</p>
            """);
        foreach (var paragraph in extra)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{paragraph}</p>");
        }

        html.Append(CultureInfo.InvariantCulture, $"""
            <p class="note"><strong>{SubscriptionNote}</strong></p>
            <div class="box"><p>{ReporterBox}</p></div>
            </div></article></main>
            <footer><p>© Riverside Courier</p></footer></body></html>
            """);
        return Encoding.UTF8.GetBytes(html.ToString());
    }
}
