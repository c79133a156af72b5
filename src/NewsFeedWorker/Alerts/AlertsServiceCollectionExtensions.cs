using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Alerts;

/// <summary>Registers the alerts stage: settings, the delivery ledger (the feed store), sender, pipelines, metrics and the dispatcher.</summary>
public static class AlertsServiceCollectionExtensions
{
    public static IServiceCollection AddAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AlertsOptions>()
            .Bind(configuration.GetSection(AlertsOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.Smtp.Port is > 0 and < 65536, "Alerts:Smtp:Port must be 1 to 65535.")
            .Validate(o => o.Smtp.Security.ToUpperInvariant() is "AUTO" or "NONE" or "STARTTLS" or "SSLONCONNECT",
                "Alerts:Smtp:Security must be Auto, None, StartTls or SslOnConnect.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IFeedStore>() as IAlertLedger
            ?? throw new InvalidOperationException("The feed store does not record alert deliveries (IAlertLedger)."));
        // Targets are the operator's own (often on the local network): no private-address guard, but no redirects
        // either, so a target cannot bounce the signed body elsewhere.
        services.AddHttpClient(AlertSender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        services.AddSingleton<AlertSender>();
        services.AddSingleton<AlertPipelines>();
        services.AddSingleton<AlertMetrics>();
        services.AddSingleton<AlertDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertDispatcher>());
        return services;
    }
}
