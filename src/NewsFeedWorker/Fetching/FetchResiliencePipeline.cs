using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace NewsFeedWorker.Fetching;

/// <summary>
/// The Polly pipeline each host gets (the client selects one instance per authority, so one dead site cannot
/// open the circuit for the others): total timeout → retry → circuit breaker → per-attempt timeout.
/// </summary>
public static class FetchResiliencePipeline
{
    public const string Name = "fetch";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, FetchingOptions options, TimeProvider timeProvider)
    {
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "total-timeout", Timeout = options.TotalTimeout });

        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                Name = "retry",
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = false, // done below, with a cap
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome) && !WaitsTooLong(args.Outcome, options, timeProvider)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome, timeProvider)),
            });
        }

        builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            Name = "circuit-breaker",
            FailureRatio = options.CircuitFailureRatio,
            MinimumThroughput = options.CircuitMinimumThroughput,
            SamplingDuration = options.CircuitSamplingDuration,
            BreakDuration = options.CircuitBreakDuration,
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
        });

        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "attempt-timeout", Timeout = options.AttemptTimeout });
    }

    /// <summary>Network errors, timeouts, 408, 429 and 5xx; never other 4xx, nor a refused private address.</summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException { InnerException: DisallowedAddressException } } => false,
        _ => HttpClientResiliencePredicates.IsTransient(outcome),
    };

    private static bool WaitsTooLong(Outcome<HttpResponseMessage> outcome, FetchingOptions options, TimeProvider timeProvider) =>
        RetryAfter(outcome, timeProvider) is { } wait && wait > options.MaxRetryAfter;

    private static TimeSpan? RetryAfter(Outcome<HttpResponseMessage> outcome, TimeProvider timeProvider) =>
        outcome.Result is { } response ? FetchClient.RetryAfterOf(response.Headers.RetryAfter, timeProvider.GetUtcNow()) : null;
}
