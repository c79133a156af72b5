namespace NewsFeedWorker.IntegrationTests.EndToEnd;

/// <summary>The pages of the edited site: a list page and article pages whose title and paragraphs a test changes.</summary>
internal static class EditedArticles
{
    public const string ListPath = "/news/";

    public static readonly string[] Paragraphs =
    [
        "The county council voted on Tuesday evening to close the old harbour bridge to lorries from the first of March, after engineers found cracks in two of its supports.",
        "Drivers of heavy vehicles will have to use the <a href=\"https://example.org/ring-road\">ring road</a>, which adds about twenty minutes to the journey from the ferry terminal to the industrial estate.",
        "The council's transport chair, Maria Lind, said the repairs would take at least eight months and cost the county more than four million pounds.",
        "Local businesses asked for a temporary weight limit instead of a full closure, but the engineers said the risk was too great to allow any heavy traffic.",
    ];

    public static string ArticlePath(int n) => $"/news/2026/12/story-{n}.html";

    public static string List(params int[] stories) =>
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Edited Daily</title></head><body><h1>Edited Daily</h1><ul>" +
        string.Concat(stories.Select(n => $"<li><a href=\"{ArticlePath(n)}\">Story {n}</a></li>")) + "</ul></body></html>";

    public static string Article(string title, IReadOnlyList<string> paragraphs, string? extraHead = null) => $"""
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
        <meta property="og:type" content="article"><meta property="article:published_time" content="2026-12-01T08:00:00+00:00">{extraHead}</head>
        <body><main><article><h1>{title}</h1><div class="text">
        {string.Concat(paragraphs.Select(p => $"<p>{p}</p>\n"))}
        </div></article></main></body></html>
        """;
}
