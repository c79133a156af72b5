using System.Text.RegularExpressions;

namespace NewsFeedWorker.SampleSite;

/// <summary>Serves the offline demo site under <c>/sample/</c>: ndsoft-style list and article URLs mapped to saved pages.</summary>
public static partial class SampleSiteEndpoints
{
    /// <summary>Where the pages are copied next to the app (the csproj copies <c>SampleSite/**</c>).</summary>
    public static string PagesDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "SampleSite", "news");

    /// <summary>
    /// <c>/sample/news/articleList.html?page=N</c> and <c>/sample/news/articleView.html?idxno=N</c>, the URL shapes of the
    /// CMS the pages imitate; <c>/sample/</c> redirects to the first list page.
    /// </summary>
    public static IEndpointRouteBuilder MapSampleSite(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/sample");
        group.MapGet("/", () => Results.Redirect("/sample/news/articleList.html?sc_section_code=S1N6"));
        group.MapGet("/news/articleList.html", (int? page) => Page($"list-{page ?? 1}.html"));
        group.MapGet("/news/articleView.html", (string? idxno) => idxno is not null && IdPattern().IsMatch(idxno) ? Page($"article-{idxno}.html") : Results.NotFound());
        return endpoints;
    }

    /// <summary>The saved page for a file name, or null when there is none.</summary>
    public static string? PagePath(string fileName)
    {
        var path = Path.Combine(PagesDirectory, fileName);
        return File.Exists(path) ? path : null;
    }

    private static IResult Page(string fileName) =>
        PagePath(fileName) is { } path ? Results.File(path, "text/html; charset=utf-8") : Results.NotFound();

    [GeneratedRegex(@"^\d{1,9}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
