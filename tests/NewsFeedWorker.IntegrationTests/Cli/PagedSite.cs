using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsFeedWorker.SampleSite;

namespace NewsFeedWorker.IntegrationTests.Cli;

/// <summary>
/// A site in the sample site's template with two stories on each list page (list pages 1-3, each linking the next) whose
/// articles declare no dates and print them as <c>25.11.03 16:12</c>, a two-digit year the built-in reading misreads.
/// </summary>
internal sealed class PagedSite : IAsyncDisposable
{
    private const string Title = "행정안전부, '제8회 전자정부의 날' 기념행사 개최, AI시대 공공AX 본격화 논의";
    private readonly WebApplication app;

    private PagedSite(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Requests answered, by path and query.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public Uri ListUrl(int page) => new(BaseAddress, $"/news/articleList.html?page={page}");

    /// <summary>Article <paramref name="id"/> (1-6) was published on the id-th of November 2025 at 16:12 in Seoul.</summary>
    public static DateTimeOffset Published(int id) => new(2025, 11, id, 16, 12, 0, TimeSpan.FromHours(9));

    public static async Task<PagedSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var list = await File.ReadAllTextAsync(SampleSiteEndpoints.PagePath("list-1.html")!);
        var article = await File.ReadAllTextAsync(SampleSiteEndpoints.PagePath("article-1001.html")!);
        PagedSite? site = null;
        app.Use(async (context, next) =>
        {
            site!.Requests.Enqueue(context.Request.Path + context.Request.QueryString);
            await next(context);
        });
        app.MapGet("/news/articleList.html", (int page) => page is >= 1 and <= 3 ? Html(List(list, page)) : Results.NotFound());
        app.MapGet("/news/articleView.html", (int idxno) => idxno is >= 2001 and <= 2006 ? Html(Article(article, idxno - 2000)) : Results.NotFound());
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        site = new PagedSite(app, new Uri(address));
        return site;
    }

    private static IResult Html(string page) => Results.Content(page, "text/html; charset=utf-8");

    /// <summary>The story number of an article address (<c>articleView.html?idxno=2001</c> is story 1).</summary>
    public static int IdOf(Uri url) => int.Parse(url.Query.Split('=')[^1], CultureInfo.InvariantCulture) - 2000;

    /// <summary>The sample list page with stories 2n-1 and 2n in its main list and page n+1 as its next page.</summary>
    private static string List(string template, int page) => template
        .Replace("idxno=1001", "idxno=@first", StringComparison.Ordinal)
        .Replace("idxno=1002", "idxno=@second", StringComparison.Ordinal)
        .Replace("idxno=", "idxno=9", StringComparison.Ordinal)
        .Replace("idxno=9@first", $"idxno={2000 + (2 * page) - 1}", StringComparison.Ordinal)
        .Replace("idxno=9@second", $"idxno={2000 + (2 * page)}", StringComparison.Ordinal)
        .Replace("articleList.html?page=2&amp;", $"articleList.html?page={page + 1}&amp;", StringComparison.Ordinal);

    /// <summary>The sample article as story <paramref name="id"/>: its own headline, no declared dates, dates as <c>yy.MM.dd HH:mm</c>.</summary>
    private static string Article(string template, int id)
    {
        var published = Published(id);
        return template
            .Replace(Title, $"{id}번째 소식: {Title}", StringComparison.Ordinal)
            .Replace("idxno=1001", $"idxno={2000 + id}", StringComparison.Ordinal)
            .Replace("<meta property=\"article:published_time\" content=\"2025-06-25T16:12:00+09:00\">", "", StringComparison.Ordinal)
            .Replace("<meta property=\"article:modified_time\" content=\"2025-06-25T17:05:00+09:00\">", "", StringComparison.Ordinal)
            .Replace("\"datePublished\":\"2025-06-25T16:12:00+09:00\",\"dateModified\":\"2025-06-25T17:05:00+09:00\",", "", StringComparison.Ordinal)
            .Replace("입력 2025.06.25 16:12", "입력 " + published.ToString("yy.MM.dd HH:mm", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("수정 2025.06.25 17:05", "수정 " + published.AddMinutes(53).ToString("yy.MM.dd HH:mm", CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await this.app.StopAsync();
        await this.app.DisposeAsync();
    }
}
