using System.Text;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Tests.Parsing;

/// <summary>A generic-mode page about sea wall repairs, parsed with no selectors: the frame the date tests fill in.</summary>
internal static class GenericDatePage
{
    public static readonly DateTimeOffset FetchedAt = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly Uri PlainUrl = new("https://news.example.com/story/sea-wall-repairs");

    private static readonly PageParser Parser = new();

    public static PageParseResult Parse(string head, string body, Uri? url = null, string zone = "Asia/Seoul")
    {
        var page = $"<html lang=\"en\"><head><title>Sea wall repairs approved | Example</title>{head}</head><body>{body}</body></html>";
        var source = new SourceDefinition
        {
            Id = "generic",
            Name = "Generic",
            Schedule = "0 0 * * * ?",
            StartUrls = [url ?? PlainUrl],
            TimeZone = zone,
        };
        return Parser.Parse(Encoding.UTF8.GetBytes(page), Encoding.UTF8, url ?? PlainUrl, source, FetchedAt);
    }

    public static DateOnly? Day(DateTimeOffset? date) => date is { } value ? DateOnly.FromDateTime(value.DateTime) : null;
}
