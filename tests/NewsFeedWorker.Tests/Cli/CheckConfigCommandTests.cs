using System.CommandLine;
using NewsFeedWorker.Cli;

namespace NewsFeedWorker.Tests.Cli;

public sealed class CheckConfigCommandTests
{
    private static (int ExitCode, string Output, string Error) Invoke(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = WorkerCommandLine.Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public void A_valid_sources_file_exits_0_and_lists_each_source_with_its_mode()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("sources.json", Some.SourcesJson(Some.MinimalSource));

        var (exitCode, output, error) = Invoke("check-config", "--sources", path);

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        Assert.Contains("1 sources, 1 enabled, 0 topics. OK.", output);
        Assert.Contains("alpha", output);
        Assert.Contains("generic", output);
    }

    [Fact]
    public void A_url_pattern_that_backtracks_catastrophically_is_valid_but_warned_about()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("sources.json", Some.SourcesJson(
            Some.MinimalSource + ", \"articleLinks\": { \"urlPattern\": \"(a+)+$\" }",
            Some.MinimalSource.Replace("alpha", "beta", StringComparison.Ordinal) + ", \"articleLinks\": { \"urlPattern\": \"/news/\\\\d+$\" }"));

        var (exitCode, output, _) = Invoke("check-config", "--sources", path);

        Assert.Equal(0, exitCode);
        var warning = Assert.Single(output.Split('\n'), line => line.StartsWith("warning:", StringComparison.Ordinal));
        Assert.StartsWith("warning: source \"alpha\", key \"articleLinks.urlPattern\" ((a+)+$): backtracks catastrophically", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_sources_file_exits_2_with_the_start_up_message()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("sources.json", Some.SourcesJson(Some.MinimalSource.Replace("0 */15 * * * ?", "*/15 * * * *")));

        var (exitCode, output, error) = Invoke("check-config", "--sources", path);

        Assert.Equal(2, exitCode);
        Assert.DoesNotContain("OK", output);
        Assert.StartsWith($"Configuration error: {path}: source \"alpha\", key \"schedule\"", error);
    }

    [Fact]
    public void A_missing_sources_file_exits_2()
    {
        using var dir = new TempDirectory();

        var (exitCode, _, error) = Invoke("check-config", "--sources", dir.File("missing.json"));

        Assert.Equal(2, exitCode);
        Assert.Contains("sources file not found", error);
    }

    [Fact]
    public void The_shipped_configuration_passes_check_config()
    {
        var path = Path.Combine(Sources.SourcesFileLoaderTests.RepositoryRoot(), "config", "sources.json");

        var (exitCode, output, _) = Invoke("check-config", "--sources", path);

        Assert.Equal(0, exitCode);
        Assert.Contains("portalnews", output);
        Assert.Contains("configured", output);
    }

    [Fact]
    public void Help_lists_every_command_and_the_run_options()
    {
        var (exitCode, output, _) = Invoke("--help");

        Assert.Equal(0, exitCode);
        foreach (var expected in new[] { "run", "check-config", "scrape", "export-opml", "--sources", "--data", "--urls" })
        {
            Assert.Contains(expected, output);
        }
    }

    [Fact]
    public void An_unknown_option_is_an_error_not_a_run()
    {
        var (exitCode, _, error) = Invoke("run", "--sauces", "x.json");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--sauces", error);
    }
}
