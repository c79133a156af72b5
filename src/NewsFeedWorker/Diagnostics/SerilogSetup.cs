using Serilog;
using Serilog.Events;

namespace NewsFeedWorker.Diagnostics;

/// <summary>Serilog from the <c>Serilog</c> settings section; <c>{DataDirectory}</c> in any value is the worker's data directory.</summary>
public static class SerilogSetup
{
    public const string DataDirectoryToken = "{DataDirectory}";

    /// <summary>The console logger used until the host's own is configured (and for start-up failures).</summary>
    public static Serilog.ILogger CreateBootstrapLogger() =>
        new LoggerConfiguration()
            .MinimumLevel.Information()
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .CreateBootstrapLogger();

    /// <param name="dataDirectory">The worker's data directory, full path: what <c>{DataDirectory}</c> stands for.</param>
    public static LoggerConfiguration Configure(LoggerConfiguration logger, IConfiguration configuration, IServiceProvider services, string dataDirectory)
    {
        var resolved = new ConfigurationBuilder()
            .AddConfiguration(configuration)
            .AddInMemoryCollection(configuration.GetSection("Serilog").AsEnumerable()
                .Where(pair => pair.Value?.Contains(DataDirectoryToken, StringComparison.Ordinal) == true)
                .Select(pair => KeyValuePair.Create(pair.Key, (string?)pair.Value!.Replace(DataDirectoryToken, dataDirectory, StringComparison.Ordinal))))
            .Build();

        logger
            .ReadFrom.Configuration(resolved)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext();

        // Started from a folder without config/appsettings.json, the worker would otherwise log nothing at all.
        if (!configuration.GetSection("Serilog:WriteTo").GetChildren().Any(sink => sink.Exists()))
        {
            logger
                .MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
                .MinimumLevel.Override("Quartz", LogEventLevel.Warning)
                .MinimumLevel.Override("System.Net.Http.HttpClient", LogEventLevel.Warning)
                .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
                .WriteTo.File(
                    Path.Combine(dataDirectory, "logs", "newsfeedworker-.log"),
                    formatProvider: System.Globalization.CultureInfo.InvariantCulture,
                    rollingInterval: RollingInterval.Day,
                    retainedFileCountLimit: 14);
        }

        return logger;
    }
}
