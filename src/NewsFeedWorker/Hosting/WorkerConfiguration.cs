namespace NewsFeedWorker.Hosting;

/// <summary>
/// The configuration layers, lowest first: built-in defaults, <c>config/appsettings.json</c> (and
/// <c>config/appsettings.{Environment}.json</c>), environment variables, then command-line options.
/// </summary>
public static class WorkerConfiguration
{
    public const string SettingsFile = "config/appsettings.json";

    /// <summary>Where Kestrel listens unless <c>urls</c> (or <c>--urls</c>, <c>ASPNETCORE_URLS</c>) says otherwise: loopback only.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static void AddWorkerSources(this IConfigurationBuilder configuration, string environmentName, IReadOnlyDictionary<string, string?> overrides)
    {
        configuration
            .AddJsonFile(SettingsFile, optional: true, reloadOnChange: true)
            .AddJsonFile($"config/appsettings.{environmentName}.json", optional: true, reloadOnChange: true)
            // Added again so environment variables (ASPNETCORE_URLS too) win over the settings file added above.
            .AddEnvironmentVariables("DOTNET_")
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides);
    }

    /// <summary>Configuration for commands that need no host (check-config): the same layers, no web host.</summary>
    public static IConfigurationRoot BuildStandalone(IReadOnlyDictionary<string, string?> overrides)
    {
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? "Production";
        var configuration = new ConfigurationBuilder().SetBasePath(Directory.GetCurrentDirectory());
        configuration.AddWorkerSources(environment, overrides);
        return configuration.Build();
    }
}
