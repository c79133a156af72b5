using Microsoft.Extensions.Options;

namespace NewsFeedWorker.Fetching;

/// <summary>
/// Innermost handler, run once per attempt: counts the attempt and reads a successful body in full, under the
/// size limit, so the per-attempt timeout covers the body and a cut-off body is retried like any network error.
/// </summary>
public sealed class AttemptHandler(IOptionsMonitor<FetchingOptions> options) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(FetchRequestOptions.Attempts, out var attempts))
        {
            Interlocked.Increment(ref attempts.Value);
        }

        var response = await base.SendAsync(request, cancellationToken);
        try
        {
            // Error and redirect bodies are never used: drop them instead of downloading them.
            var body = response.IsSuccessStatusCode
                ? await BodyReader.ReadAsync(response.Content, options.CurrentValue.MaxBodyBytes, cancellationToken)
                : [];
            response.Content = Buffered(response.Content, body);
            return response;
        }
        catch (IOException e)
        {
            response.Dispose();
            // A read aborted by the attempt timeout surfaces as an IOException; Polly must see it as cancellation.
            cancellationToken.ThrowIfCancellationRequested();
            throw new HttpRequestException(HttpRequestError.ResponseEnded, $"the body was cut off: {e.Message}", e);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static ByteArrayContent Buffered(HttpContent original, byte[] body)
    {
        var buffered = new ByteArrayContent(body);
        foreach (var header in original.Headers)
        {
            if (header.Key is not ("Content-Encoding" or "Content-Length"))
            {
                buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        original.Dispose();
        return buffered;
    }
}
