using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsFeedWorker.Fetching;

namespace NewsFeedWorker.Tests.Fetching;

public sealed class FetchingServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddFetching(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

    [Fact]
    public void The_fetch_stage_resolves_outside_the_web_host_with_documented_defaults()
    {
        using var services = Build([]);

        Assert.NotNull(services.GetRequiredService<PageFetcher>());
        var options = services.GetRequiredService<IOptions<FetchingOptions>>().Value;
        Assert.Equal(1, options.MaxConcurrencyPerHost);
        Assert.Equal(TimeSpan.FromSeconds(1), options.DelayBetweenRequests);
        Assert.Equal(5 * 1024 * 1024, options.MaxBodyBytes);
        Assert.StartsWith("NewsFeedWorker/", options.UserAgent);
        Assert.Contains("(+https://", options.UserAgent);
    }

    [Fact]
    public void Settings_from_the_Fetching_section_are_bound()
    {
        using var services = Build(new() { ["Fetching:MaxRedirects"] = "2", ["Fetching:AttemptTimeout"] = "00:00:05", ["Fetching:ContactUrl"] = "https://ops.example/bot" });

        var options = services.GetRequiredService<IOptions<FetchingOptions>>().Value;
        Assert.Equal(2, options.MaxRedirects);
        Assert.Equal(TimeSpan.FromSeconds(5), options.AttemptTimeout);
        Assert.EndsWith("(+https://ops.example/bot)", options.UserAgent);
    }

    [Theory]
    [InlineData("Fetching:MaxRetryAttempts", "-1", "MaxRetryAttempts")]
    [InlineData("Fetching:MaxConcurrencyPerHost", "0", "MaxConcurrencyPerHost")]
    [InlineData("Fetching:AttemptTimeout", "02:00:00", "AttemptTimeout")]
    [InlineData("Fetching:ProductToken", "News Feed", "ProductToken")]
    public void A_bad_setting_fails_validation_naming_the_key(string key, string value, string name)
    {
        using var services = Build(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<FetchingOptions>>().Value);
        Assert.Contains(name, error.Message);
    }
}
