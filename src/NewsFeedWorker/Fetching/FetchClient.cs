using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using NewsFeedWorker.Sources;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace NewsFeedWorker.Fetching;

/// <summary>
/// Sends one GET through the resilient, per-host client inside the host's politeness slot and turns every
/// expected failure (timeout, reset, open circuit, oversized or broken body) into a <see cref="FetchFailed"/>.
/// </summary>
public sealed class FetchClient(
    IHttpClientFactory httpClientFactory, HostPoliteness politeness, IOptionsMonitor<FetchingOptions> options, TimeProvider timeProvider)
{
    public const string HttpClientName = "NewsFeedWorker.Fetching";

    public async Task<HopResult> SendAsync(
        SourceDefinition source, Uri url, FetchValidators? validators, bool publicAddressesOnly, CancellationToken cancellationToken, TimeSpan? crawlDelay = null)
    {
        using var lease = await politeness.EnterAsync(url.Host, source.Politeness, cancellationToken, crawlDelay);
        using var request = CreateRequest(source, url, validators, publicAddressesOnly);
        var attempts = new StrongBox<int>();
        request.Options.Set(FetchRequestOptions.Attempts, attempts);

        try
        {
            using var response = await httpClientFactory.CreateClient(HttpClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return new HopResult(attempts.Value, await ToHopResponseAsync(url, response, cancellationToken), null);
        }
        catch (Exception e) when (Classify(url, e, cancellationToken) is { } failure)
        {
            return new HopResult(attempts.Value, null, failure);
        }
    }

    private HttpRequestMessage CreateRequest(SourceDefinition source, Uri url, FetchValidators? validators, bool publicAddressesOnly)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        var headers = request.Headers;
        headers.TryAddWithoutValidation("User-Agent", options.CurrentValue.UserAgent);
        headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5");
        headers.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate, br");
        if (!string.IsNullOrWhiteSpace(source.Language))
        {
            headers.TryAddWithoutValidation("Accept-Language", $"{source.Language}, *;q=0.5");
        }

        if (validators?.ETag is { Length: > 0 } etag)
        {
            // Sent back verbatim: weak and malformed ETags alike are the server's business.
            headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        if (validators?.LastModified is { } lastModified)
        {
            headers.IfModifiedSince = lastModified;
        }

        request.Options.Set(FetchRequestOptions.PublicAddressesOnly, publicAddressesOnly);
        return request;
    }

    private async Task<HopResponse> ToHopResponseAsync(Uri url, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var content = response.Content;
        return new HopResponse
        {
            Status = (int)response.StatusCode,
            Location = response.Headers.Location is { } location ? new Uri(url, location) : null,
            ETag = response.Headers.TryGetValues("ETag", out var etags) ? etags.FirstOrDefault() : null,
            LastModified = content.Headers.LastModified,
            ContentType = content.Headers.ContentType?.MediaType,
            Charset = content.Headers.ContentType?.CharSet,
            RetryAfter = RetryAfterOf(response.Headers.RetryAfter, timeProvider.GetUtcNow()),
            Body = await content.ReadAsByteArrayAsync(cancellationToken),
        };
    }

    /// <summary>The wait a Retry-After header asks for; a date is measured from <paramref name="now"/>.</summary>
    public static TimeSpan? RetryAfterOf(RetryConditionHeaderValue? header, DateTimeOffset now) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };

    // HttpClient's outer message is generic ("An error occurred while sending the request"); the cause is inside.
    private static string NetworkReason(HttpRequestException e)
    {
        var cause = e.GetBaseException();
        var detail = ReferenceEquals(cause, e) ? e.Message : $"{e.Message} ({cause.Message})";
        return e.HttpRequestError == HttpRequestError.Unknown ? detail : $"{e.HttpRequestError}: {detail}";
    }

    private static FetchFailed? Classify(Uri url, Exception e, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return null; // the caller gave up: that is not the site's failure
        }

        return e switch
        {
            TimeoutRejectedException t => new FetchFailed(url, FetchErrorKind.Timeout, $"timed out after {t.Timeout}"),
            BrokenCircuitException => new FetchFailed(url, FetchErrorKind.CircuitOpen, $"circuit open for {url.Authority} after repeated failures"),
            BodyLimitExceededException => new FetchFailed(url, FetchErrorKind.TooLarge, e.Message),
            BadContentException => new FetchFailed(url, FetchErrorKind.BadContent, e.Message),
            HttpRequestException { InnerException: DisallowedAddressException d } => new FetchFailed(url, FetchErrorKind.DisallowedUrl, d.Message),
            HttpRequestException h => new FetchFailed(url, FetchErrorKind.Network, NetworkReason(h)),
            IOException => new FetchFailed(url, FetchErrorKind.Network, e.GetBaseException().Message),
            OperationCanceledException => new FetchFailed(url, FetchErrorKind.Timeout, "timed out"),
            _ => null,
        };
    }
}
