using NewsFeedWorker.IntegrationTests.Diagnostics;
using NewsFeedWorker.IntegrationTests.Support;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.IntegrationTests.Cli;

/// <summary><c>suggest --for SOURCE_ID --write FILE</c> against the loopback sample site: the repair lands in place or not at all.</summary>
public sealed class SuggestCommandRepairTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("suggest-repair-").FullName;

    public void Dispose() => Directory.Delete(this.directory, recursive: true);

    [Fact]
    public async Task A_repair_replaces_the_drifted_selector_in_the_file_and_keeps_the_sources_comments_and_own_settings()
    {
        await using var site = await FixtureSite.StartAsync();
        var file = await ConfiguredSourceAsync(site);
        var edited = (await File.ReadAllTextAsync(file))
            .Replace("\"h3.heading\"", "\"h3.heading\" /* the old skin */", StringComparison.Ordinal)
            .Replace("\"id\": \"reskin\",", "\"id\": \"reskin\", // keep me\n    \"categories\": [ \"demo\" ],", StringComparison.Ordinal)
            .Replace("\"articleLinks\": {", "\"articleLinks\": {\n      \"maxArticles\": 7,", StringComparison.Ordinal);
        Assert.Equal(7, SourcesFileLoader.Parse(edited, file)[0].ArticleLinks.MaxArticles);
        await File.WriteAllTextAsync(file, edited);
        site.Rewrite = page => page.Replace("<h3 class=\"heading\">", "<h2 class=\"headline\">", StringComparison.Ordinal);

        var repair = await WorkerCommand.InvokeAsync("suggest", "--for", "reskin", "--sources", file, "--articles", "2", "--write", file);

        Assert.True(repair.ExitCode == 0, repair.Error);
        var text = await File.ReadAllTextAsync(file);
        var source = Assert.Single(SourcesFileLoader.Load(file));
        Assert.Equal(("h2.headline", 7, "0 */15 * * * ?"), (source.Selectors!.Title, source.ArticleLinks.MaxArticles, source.Schedule));
        Assert.Equal(["demo"], source.Categories);
        Assert.Contains("\"id\": \"reskin\", // keep me", text, StringComparison.Ordinal);
        Assert.DoesNotContain("the old skin", text, StringComparison.Ordinal);
        Assert.Equal(0, CheckConfigCommand(file));
    }

    [Fact]
    public async Task A_file_without_the_source_is_left_as_it_was_with_a_clear_error()
    {
        await using var site = await FixtureSite.StartAsync();
        var file = await ConfiguredSourceAsync(site);
        var other = Path.Combine(this.directory, "other.json");
        const string OtherText = "// someone else's sites\n{ \"sources\": [] }\n";
        await File.WriteAllTextAsync(other, OtherText);

        var repair = await WorkerCommand.InvokeAsync("suggest", "--for", "reskin", "--sources", file, "--articles", "1", "--write", other);

        Assert.Equal(2, repair.ExitCode);
        Assert.Contains($"{other} not changed: no source \"reskin\" in the sources list", repair.Error, StringComparison.Ordinal);
        Assert.Equal(OtherText, await File.ReadAllTextAsync(other));
    }

    /// <summary>A sources file with the source <c>suggest</c> derives from the sample site's first section.</summary>
    private async Task<string> ConfiguredSourceAsync(FixtureSite site)
    {
        var file = Path.Combine(this.directory, "sources.json");
        var listUrl = new Uri(site.BaseAddress, "/sample/news/articleList.html?sc_section_code=S1N6");
        var suggest = await WorkerCommand.InvokeAsync("suggest", listUrl.AbsoluteUri, "--id", "reskin", "--articles", "2", "--write", file);
        Assert.True(suggest.ExitCode == 0, suggest.Error);
        Assert.Equal("h3.heading", Assert.Single(SourcesFileLoader.Load(file)).Selectors!.Title);
        return file;
    }

    private static int CheckConfigCommand(string file) =>
        NewsFeedWorker.Cli.CheckConfigCommand.Run(file, TextWriter.Null, TextWriter.Null, TimeProvider.System);
}
