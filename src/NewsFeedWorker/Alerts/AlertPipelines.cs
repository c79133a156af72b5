using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace NewsFeedWorker.Alerts;

/// <summary>
/// One Polly pipeline per alert target (retry with exponential backoff → circuit breaker → attempt timeout), so one
/// dead receiver opens its own circuit and never delays the others. Polly's meter reports it as <c>pipeline_name="alerts"</c>.
/// </summary>
public sealed class AlertPipelines(IOptionsMonitor<AlertsOptions> options, TimeProvider time, ILoggerFactory loggers)
{
    private readonly ConcurrentDictionary<string, ResiliencePipeline> pipelines = new(StringComparer.Ordinal);

    public ResiliencePipeline For(string target) => pipelines.GetOrAdd(target, Build);

    private ResiliencePipeline Build(string target)
    {
        var settings = options.CurrentValue;
        var handle = new PredicateBuilder().Handle<AlertSendException>(e => e.Transient).Handle<TimeoutRejectedException>();
        var builder = new ResiliencePipelineBuilder { Name = "alerts", InstanceName = target, TimeProvider = time };
        if (settings.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = settings.MaxRetryAttempts,
                Delay = settings.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                ShouldHandle = handle,
            });
        }

        return builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = 1.0,
                MinimumThroughput = 5,
                SamplingDuration = TimeSpan.FromMinutes(2),
                BreakDuration = settings.CircuitBreakDuration,
                ShouldHandle = handle,
            })
            .AddTimeout(settings.AttemptTimeout)
            .ConfigureTelemetry(loggers)
            .Build();
    }
}
