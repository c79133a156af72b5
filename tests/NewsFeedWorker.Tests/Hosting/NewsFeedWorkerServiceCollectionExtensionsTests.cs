using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsFeedWorker.Hosting;
using NewsFeedWorker.Publishing;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Tests.Hosting;

public sealed class NewsFeedWorkerServiceCollectionExtensionsTests
{
    [Fact]
    public void Publishing_sees_the_sources_in_force_including_after_a_reload()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("sources.json", Some.SourcesJson(Some.MinimalSource));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Worker:SourcesFile"] = file,
            ["Worker:DataDirectory"] = dir.File("data"),
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddNewsFeedWorker(configuration).BuildServiceProvider();
        var current = services.GetRequiredService<CurrentSources>();

        Assert.Equal(["alpha"], current().Select(s => s.Id));

        File.WriteAllText(file, Some.SourcesJson(Some.MinimalSource, Some.MinimalSource.Replace("alpha", "beta")));
        services.GetRequiredService<SourceCatalog>().Reload();

        Assert.Equal(["alpha", "beta"], current().Select(s => s.Id));
    }
}
