using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsFeedWorker.SampleSite;

namespace NewsFeedWorker.IntegrationTests.Diagnostics;

/// <summary>
/// The shipped sample site (2 list pages, 4 articles) on a loopback Kestrel of its own. Optionally slow: an article
/// request then signals <see cref="SlowRequestStarted"/> and waits until the client goes away, so a cycle is caught mid-way.
/// </summary>
internal sealed class FixtureSite : IAsyncDisposable
{
    private readonly WebApplication app;

    private FixtureSite(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The sample site's start URL on this server.</summary>
    public Uri StartUrl => new(BaseAddress, "/sample/");

    public TaskCompletionSource SlowRequestStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Requests answered, by path and query.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>When set, article pages after the first <see cref="ServedBeforeHanging"/> hang until the request is aborted.</summary>
    public bool Slow { get; set; }

    public int ServedBeforeHanging { get; set; }

    /// <summary>
    /// When set, list and article pages are answered with this rewrite of the saved page and without validators (every
    /// fetch a full page): a site changing its template while the worker runs.
    /// </summary>
    public Func<string, string>? Rewrite { get; set; }

    /// <summary>The article request that hung (path and query), once one has.</summary>
    public string? HungRequest { get; private set; }

    public static async Task<FixtureSite> StartAsync(bool slow = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddRouting();
        var app = builder.Build();
        FixtureSite? site = null;
        app.Use(async (context, next) =>
        {
            var request = context.Request.Path + context.Request.QueryString;
            site!.Requests.Enqueue(request);
            if (site.Slow && request.Contains("articleView", StringComparison.Ordinal) && site.ArticleRequests > site.ServedBeforeHanging)
            {
                site.HungRequest = request;
                site.SlowRequestStarted.TrySetResult();
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            }

            if (site.Rewrite is { } rewrite && RewrittenPage(context.Request) is { } path)
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(rewrite(await File.ReadAllTextAsync(path)));
                return;
            }

            await next(context);
        });
        app.MapSampleSite();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        site = new FixtureSite(app, new Uri(address)) { Slow = slow };
        return site;
    }

    private static string? RewrittenPage(HttpRequest request) => request.Path.Value switch
    {
        "/sample/news/articleList.html" => SampleSiteEndpoints.PagePath($"list-{request.Query["page"].FirstOrDefault() ?? "1"}.html"),
        "/sample/news/articleView.html" => SampleSiteEndpoints.PagePath($"article-{request.Query["idxno"]}.html"),
        _ => null,
    };

    public int ArticleRequests => Requests.Count(r => r.Contains("articleView", StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        await this.app.StopAsync();
        await this.app.DisposeAsync();
    }
}
