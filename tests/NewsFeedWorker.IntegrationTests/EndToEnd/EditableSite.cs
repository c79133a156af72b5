using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsFeedWorker.IntegrationTests.Fetching;

namespace NewsFeedWorker.IntegrationTests.EndToEnd;

/// <summary>
/// A loopback news site whose pages a test edits between cycles: every page answers with an ETag of its content and
/// a 304 to a request that names it, as a real site behind a cache does.
/// </summary>
public sealed class EditableSite : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, string> pages = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Path, int Status)> answers = new();
    private MisbehavingSite site = null!;

    public IReadOnlyCollection<(string Path, int Status)> Answers => answers;

    public static async Task<EditableSite> StartAsync()
    {
        var editable = new EditableSite();
        editable.site = await MisbehavingSite.StartAsync(app => app.MapGet("/{**path}", (HttpContext context) => editable.Answer(context)));
        return editable;
    }

    public Uri Url(string path) => site.Url(path);

    public void Put(string path, string html) => pages[path] = html;

    /// <summary>How the site last answered <paramref name="path"/> (200 or 304), or 0 if never asked.</summary>
    public int LastStatus(string path) => answers.Where(a => a.Path == path).Select(a => a.Status).LastOrDefault();

    public ValueTask DisposeAsync() => site.DisposeAsync();

    private IResult Answer(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (!pages.TryGetValue(path, out var html))
        {
            return Results.NotFound();
        }

        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(html)))[..16] + "\"";
        context.Response.Headers.ETag = etag;
        if (context.Request.Headers.IfNoneMatch.ToString() == etag)
        {
            answers.Enqueue((path, 304));
            return Results.StatusCode(304);
        }

        answers.Enqueue((path, 200));
        return Results.Content(html, "text/html; charset=utf-8");
    }
}
