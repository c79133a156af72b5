using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsFeedWorker.Publishing;
using NewsFeedWorker.Tests.Publishing.Fakes;

namespace NewsFeedWorker.Tests.Publishing;

public sealed class PublishingServiceCollectionExtensionsTests
{
    [Fact]
    public void Defaults_are_50_items_500_at_most_and_the_feeds_folder_under_the_data_directory()
    {
        using var harness = new PublishingHarness();

        var options = harness.Services.GetRequiredService<IOptions<PublishingOptions>>().Value;

        Assert.Equal(50, options.DefaultItemCount);
        Assert.Equal(500, options.MaxItemCount);
        Assert.Equal(Path.Combine(harness.DataDirectory, "feeds"), options.ExportDirectory);
        Assert.Null(options.WebSubHubUrl);
    }

    [Theory]
    [InlineData("Publishing:PublicBaseUrl", "ftp://feeds.example.org/")]
    [InlineData("Publishing:WebSubHubUrl", "javascript:alert(1)")]
    [InlineData("Publishing:DefaultItemCount", "900")]
    [InlineData("Publishing:MinPublishInterval", "-00:00:01")]
    [InlineData("Publishing:MinPublishInterval", "02:00:00")]
    public void A_bad_setting_is_rejected_with_its_key_named(string key, string value)
    {
        using var harness = new PublishingHarness(settings: new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => harness.Services.GetRequiredService<IOptions<PublishingOptions>>().Value);

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
