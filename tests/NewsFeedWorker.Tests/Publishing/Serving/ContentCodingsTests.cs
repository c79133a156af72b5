using Microsoft.AspNetCore.Http;
using NewsFeedWorker.Publishing.Serving;

namespace NewsFeedWorker.Tests.Publishing.Serving;

public sealed class ContentCodingsTests
{
    [Theory]
    [InlineData("", ContentCoding.Identity)]
    [InlineData("gzip", ContentCoding.Gzip)]
    [InlineData("gzip, deflate, br", ContentCoding.Brotli)]
    [InlineData("br;q=0, gzip", ContentCoding.Gzip)]
    [InlineData("br;q=0.5, gzip;q=0.8", ContentCoding.Gzip)]
    [InlineData("*", ContentCoding.Brotli)]
    [InlineData("gzip;q=0, *", ContentCoding.Brotli)]
    [InlineData("br;q=0, gzip;q=0, *", ContentCoding.Identity)]
    [InlineData("identity", ContentCoding.Identity)]
    public void Accept_encoding_picks_the_coding(string acceptEncoding, ContentCoding expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.AcceptEncoding = acceptEncoding;

        Assert.Equal(expected, ContentCodings.Choose(context.Request, 10_000));
    }

    [Fact]
    public void Tiny_bodies_are_not_compressed()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.AcceptEncoding = "br";

        Assert.Equal(ContentCoding.Identity, ContentCodings.Choose(context.Request, 100));
    }
}
