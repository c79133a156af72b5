using System.Text;
using NewsFeedWorker.Fetching;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Parsing.Furniture;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Tests.Scheduling;

/// <summary>Stands in for the fetch and parse stages: pages by URL, each with the parse result it yields.</summary>
internal sealed class FakeSite
{
    private static readonly DateTimeOffset FetchedAt = new(2025, 11, 8, 9, 0, 0, TimeSpan.FromHours(9));

    public Dictionary<Uri, PageParseResult> Pages { get; } = [];
    public Dictionary<Uri, FetchResult> Overrides { get; } = [];
    public List<(Uri Url, UrlOrigin Origin, FetchValidators Validators)> Fetches { get; } = [];
    public int Publishes { get; private set; }

    /// <summary>The furniture memory each parse was handed, by page.</summary>
    public Dictionary<Uri, FurnitureMemory> Memories { get; } = [];

    public static Uri Url(string path) => new($"http://127.0.0.1:9/{path}");

    public FakeSite ListPage(string path, Uri? next = null, params string[] links)
    {
        var url = Url(path);
        Pages[url] = new PageParseResult { Url = url, ArticleLinks = [.. links.Select(Url)], NextPage = next, NoArticleReason = "list page" };
        return this;
    }

    public FakeSite ArticlePage(string path, IReadOnlyList<WeatherSnapshot>? weather = null, IReadOnlyList<ulong>? blocks = null)
    {
        var url = Url(path);
        Pages[url] = new PageParseResult
        {
            Url = url,
            Article = new Article { Url = url, Title = $"Title of {path}", BodyHtml = "<p>body</p>", BodyText = "body" },
            Weather = weather ?? [],
            BodyBlocks = blocks ?? [],
        };
        return this;
    }

    /// <summary>A page whose parse throws, as a parser bug would on a page nobody foresaw.</summary>
    public FakeSite ThrowingPage(string path)
    {
        var url = Url(path);
        Pages[url] = new PageParseResult { Url = url };
        Throwing.Add(url);
        return this;
    }

    public HashSet<Uri> Throwing { get; } = [];

    public FakeSite BrokenPage(string path)
    {
        var url = Url(path);
        Pages[url] = new PageParseResult { Url = url, NoArticleReason = "no title found" };
        return this;
    }

    public Task<FetchResult> FetchAsync(SourceDefinition source, Uri url, UrlOrigin origin, FetchValidators validators, CancellationToken cancellationToken)
    {
        Fetches.Add((url, origin, validators));
        if (Overrides.TryGetValue(url, out var result))
        {
            return Task.FromResult(result);
        }

        return Task.FromResult<FetchResult>(Pages.ContainsKey(url)
            ? new Fetched(url, url, 200, Encoding.UTF8.GetBytes("<html></html>"), Encoding.UTF8, "text/html", new FetchValidators($"\"etag-{url.AbsolutePath}\"", null), FetchedAt)
            : new FetchFailed(url, FetchErrorKind.HttpStatus, "404 Not Found", 404));
    }

    public PageParseResult Parse(ReadOnlyMemory<byte> body, Encoding encoding, Uri url, SourceDefinition source, DateTimeOffset fetchedAt, FurnitureMemory furniture, CancellationToken cancellationToken)
    {
        Memories[url] = furniture;
        return Throwing.Contains(url) ? throw new ArgumentException("String contains invalid Unicode code points.") : Pages[url];
    }

    public Task PublishAsync(CancellationToken cancellationToken)
    {
        Publishes++;
        return Task.CompletedTask;
    }
}
