using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Testing;
using NewsFeedWorker.Fetching;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.IntegrationTests.Fetching;

/// <summary>
/// The fetch stage as the app wires it (AddFetching from configuration), with short delays so the tests run fast,
/// a test resolver instead of DNS, and a recording clock.
/// </summary>
public sealed class FetchHarness : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private FetchHarness(ServiceProvider services) => this.services = services;

    public PageFetcher Fetcher => this.services.GetRequiredService<PageFetcher>();

    public FakeLogCollector Logs => this.services.GetFakeLogCollector();

    public RecordingTimeProvider Time => (RecordingTimeProvider)this.services.GetRequiredService<TimeProvider>();

    public IServiceProvider Services => this.services;

    public static FetchHarness Create(Dictionary<string, string?>? settings = null, IHostAddressResolver? resolver = null, TimeProvider? time = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Fetching:DelayBetweenRequests"] = "00:00:00",
            ["Fetching:RetryBaseDelay"] = "00:00:00.010",
            ["Fetching:AttemptTimeout"] = "00:00:10", // generous: a first request on a loaded 2-core CI machine took over 2 s and was retried
            ["Fetching:TotalTimeout"] = "00:01:00",
            ["Fetching:MaxRetryAttempts"] = "2",
            ["Fetching:MaxBodyBytes"] = "262144",
            ["Fetching:MaxRedirects"] = "3",
            ["Fetching:CircuitMinimumThroughput"] = "4",
            ["Fetching:CircuitFailureRatio"] = "0.75",
            ["Fetching:CircuitSamplingDuration"] = "00:01:00",
            ["Fetching:CircuitBreakDuration"] = "00:01:00",
            ["Fetching:ContactUrl"] = "https://example.org/newsfeedworker-contact",
        };
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection()
            .AddFakeLogging()
            .AddSingleton(time ?? new RecordingTimeProvider())
            .AddFetching(configuration);
        services.Replace(ServiceDescriptor.Singleton(resolver ?? MappedHostResolver.Loopback()));
        return new FetchHarness(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
    }

    public Task<FetchResult> FetchAsync(SourceDefinition source, Uri url, UrlOrigin origin = UrlOrigin.Operator, FetchValidators? validators = null) =>
        Fetcher.FetchAsync(source, url, origin, validators ?? FetchValidators.None, CancellationToken.None);

    public static SourceDefinition Source(Uri start, string id = "test-source", PolitenessSettings? politeness = null, IReadOnlyList<string>? allowedHosts = null, string? encoding = null) => new()
    {
        Id = id,
        Name = "Test source",
        Schedule = "0 */15 * * * ?",
        StartUrls = [start],
        AllowedHosts = allowedHosts ?? [],
        Encoding = encoding,
        Politeness = politeness ?? new PolitenessSettings(),
    };

    public ValueTask DisposeAsync() => this.services.DisposeAsync();
}
