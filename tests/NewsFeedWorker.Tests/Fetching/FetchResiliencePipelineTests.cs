using System.Net;
using NewsFeedWorker.Fetching;
using Polly;
using Polly.Timeout;

namespace NewsFeedWorker.Tests.Fetching;

public sealed class FetchResiliencePipelineTests
{
    [Theory]
    [InlineData(408, true)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(403, false)]
    [InlineData(404, false)]
    [InlineData(410, false)]
    [InlineData(200, false)]
    [InlineData(304, false)]
    public void Only_408_429_and_5xx_statuses_are_transient(int status, bool transient)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);

        Assert.Equal(transient, FetchResiliencePipeline.IsTransient(Outcome.FromResult(response)));
    }

    [Fact]
    public void Network_errors_and_timeouts_are_transient_but_a_refused_private_address_is_not()
    {
        Assert.True(FetchResiliencePipeline.IsTransient(Outcome.FromException<HttpResponseMessage>(new HttpRequestException("reset"))));
        Assert.True(FetchResiliencePipeline.IsTransient(Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException())));
        Assert.False(FetchResiliencePipeline.IsTransient(Outcome.FromException<HttpResponseMessage>(
            new HttpRequestException("refused", new DisallowedAddressException("intranet.example")))));
        Assert.False(FetchResiliencePipeline.IsTransient(Outcome.FromException<HttpResponseMessage>(new BodyLimitExceededException("big"))));
    }
}
