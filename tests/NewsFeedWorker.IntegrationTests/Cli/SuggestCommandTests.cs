using System.CommandLine;
using Microsoft.Extensions.Configuration;
using NewsFeedWorker.Cli;
using NewsFeedWorker.IntegrationTests.Support;
using NewsFeedWorker.IntegrationTests.Diagnostics;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.IntegrationTests.Cli;

/// <summary><c>suggest</c> against the sample site on loopback: fetched politely, written to a file, used as the source.</summary>
public sealed class SuggestCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("suggest-").FullName;

    [Fact]
    public async Task A_suggested_source_written_to_a_sources_file_passes_check_config_and_reads_the_site_as_generic_mode_does()
    {
        await using var site = await FixtureSite.StartAsync();
        var file = Path.Combine(this.directory, "sources.json");
        await File.WriteAllTextAsync(file, "// my sites\n{\n  \"sources\": [\n  ]\n}\n");

        var suggest = await WorkerCommand.InvokeAsync("suggest", site.StartUrl.AbsoluteUri, "--id", "sample2", "--articles", "3", "--write", file);

        Assert.True(suggest.ExitCode == 0, suggest.Error);
        Assert.Contains("ok", suggest.Output, StringComparison.Ordinal);
        Assert.Contains("Added source \"sample2\"", suggest.Output, StringComparison.Ordinal);
        Assert.StartsWith("// my sites", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        Assert.Contains("/robots.txt", site.Requests);
        // The first list page's main list holds two stories (the third is in the side box): the next page gives the third.
        Assert.Equal(3, site.ArticleRequests);
        Assert.Contains(site.Requests, r => r.StartsWith("/sample/news/articleList.html?page=2", StringComparison.Ordinal));
        var check = await WorkerCommand.InvokeAsync("check-config", "--sources", file);
        Assert.True(check.ExitCode == 0, check.Error);

        var source = Assert.Single(SourcesFileLoader.Load(file));
        Assert.NotNull(source.Selectors?.Title);
        Assert.NotNull(source.Selectors?.Body);
        var configured = await ScrapeAsync(source);
        var generic = await ScrapeAsync(source with { Selectors = null, Weather = null });
        Assert.True(configured.Count >= 2, $"{configured.Count} articles");
        Assert.Equal(generic, configured);
    }

    [Fact]
    public async Task A_block_the_sources_file_rejects_is_not_written()
    {
        await using var site = await FixtureSite.StartAsync();
        var file = Path.Combine(this.directory, "sources.json");
        var original = "{ \"sources\": [ { \"id\": \"taken\", \"name\": \"x\", \"schedule\": \"0 0 * * * ?\", \"startUrls\": [ \"https://x.example/\" ] } ] }";
        await File.WriteAllTextAsync(file, original);

        var suggest = await WorkerCommand.InvokeAsync("suggest", site.StartUrl.AbsoluteUri, "--id", "taken", "--articles", "1", "--write", file);

        Assert.Equal(ExitCodes.BadConfiguration, suggest.ExitCode);
        Assert.Contains("duplicate id", suggest.Error, StringComparison.Ordinal);
        Assert.Equal(original, await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task The_json_option_prints_only_the_block()
    {
        await using var site = await FixtureSite.StartAsync();

        var suggest = await WorkerCommand.InvokeAsync("suggest", site.StartUrl.AbsoluteUri, "--articles", "2", "--json");

        Assert.True(suggest.ExitCode == 0, suggest.Error);
        using var block = System.Text.Json.JsonDocument.Parse(suggest.Output);
        Assert.Equal("h3.heading", block.RootElement.GetProperty("selectors").GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_site_of_two_stories_a_list_page_with_custom_dates_and_a_weather_widget_gets_five_articles_its_date_format_and_every_weather_key()
    {
        await using var site = await PagedSite.StartAsync();
        var file = Path.Combine(this.directory, "sources.json");

        var suggest = await WorkerCommand.InvokeAsync("suggest", site.ListUrl(1).AbsoluteUri, "--id", "paged", "--write", file);

        Assert.True(suggest.ExitCode == 0, suggest.Error + string.Join(" ", site.Requests));
        // Two stories a list page: the next page is followed (twice) until five articles are found, and no further.
        Assert.Equal(5, site.Requests.Count(r => r.StartsWith("/news/articleView", StringComparison.Ordinal)));
        Assert.Equal(["page=1", "page=2", "page=3"], site.Requests.Where(r => r.StartsWith("/news/articleList", StringComparison.Ordinal)).Select(r => r.Split('?')[1].Split('&')[0]));
        Assert.Contains("/robots.txt", site.Requests);
        Assert.True((await WorkerCommand.InvokeAsync("check-config", "--sources", file)).ExitCode == 0);

        var source = Assert.Single(SourcesFileLoader.Load(file));
        Assert.True(source.DateFormats.SequenceEqual(["yy.MM.dd HH:mm"]), suggest.Output);
        Assert.Contains("dates read with dateFormats \"yy.MM.dd HH:mm\"", suggest.Output, StringComparison.Ordinal);
        Assert.Contains("weather     \"ul.weather-list (item li, station span.weather-area, temperature span.weather-temp, condition span.weather-sky, date div.user-date, provider p.weather-copy)\"", suggest.Output, StringComparison.Ordinal);
        var weather = source.Weather!;
        Assert.All(new[] { weather.Container, weather.Item, weather.Station, weather.Condition, weather.Temperature, weather.Provider, weather.Date }, Assert.NotNull);

        await using var services = ScrapeCommand.Services(new ConfigurationBuilder().Build());
        var outcome = await ScrapeCommand.Runner(services).RunSourceAsync(source, CancellationToken.None);
        var articles = outcome.Pages.Where(p => p.Result.Article is not null).ToList();
        Assert.NotEmpty(articles);
        foreach (var page in articles)
        {
            var id = PagedSite.IdOf(page.Result.Url);
            Assert.Equal(PagedSite.Published(id), page.Result.Article!.Published);
            Assert.Equal(PagedSite.Published(id).AddMinutes(53), page.Result.Article.Updated);
            var snapshot = Assert.Single(page.Result.Weather);
            Assert.Equal(16, snapshot.Readings.Count);
            Assert.Equal(new Parsing.WeatherReading("동두천", "흐림", 14.3m), snapshot.Readings[0]);
            Assert.Equal("기상청", snapshot.Provider);
            Assert.Equal(new DateOnly(2025, 11, 8), snapshot.ObservedOn);
        }
    }

    public void Dispose() => Directory.Delete(this.directory, recursive: true);

    /// <summary>Titles and bodies of a dry run of the source's cycle (the pages the service would take).</summary>
    private static async Task<List<(string Title, string Body)>> ScrapeAsync(SourceDefinition source)
    {
        await using var services = ScrapeCommand.Services(new ConfigurationBuilder().Build());
        var outcome = await ScrapeCommand.Runner(services).RunSourceAsync(source, CancellationToken.None);
        return [.. outcome.Pages.Select(p => p.Result.Article).OfType<Parsing.Article>().Select(a => (a.Title, a.BodyText)).OrderBy(a => a.Title, StringComparer.Ordinal)];
    }
}
