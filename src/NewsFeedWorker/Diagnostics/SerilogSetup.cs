using NewsFeedWorker.Hosting;
using Serilog;

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

    public static LoggerConfiguration Configure(LoggerConfiguration logger, IConfiguration configuration, IServiceProvider services)
    {
        var dataDirectory = (configuration.GetSection(WorkerOptions.Section).Get<WorkerOptions>() ?? new WorkerOptions()).DataDirectoryPath;
        var resolved = new ConfigurationBuilder()
            .AddConfiguration(configuration)
            .AddInMemoryCollection(configuration.GetSection("Serilog").AsEnumerable()
                .Where(pair => pair.Value?.Contains(DataDirectoryToken, StringComparison.Ordinal) == true)
                .Select(pair => KeyValuePair.Create(pair.Key, (string?)pair.Value!.Replace(DataDirectoryToken, dataDirectory, StringComparison.Ordinal))))
            .Build();

        return logger
            .ReadFrom.Configuration(resolved)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext();
    }
}
