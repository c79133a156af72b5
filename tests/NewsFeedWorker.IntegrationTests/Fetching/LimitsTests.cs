using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsFeedWorker.Fetching;

namespace NewsFeedWorker.IntegrationTests.Fetching;

public sealed class LimitsTests
{
    private const int Limit = 262144; // FetchHarness's MaxBodyBytes

    [Fact]
    public async Task A_gzip_body_is_decompressed()
    {
        await using var site = await MisbehavingSite.StartAsync(app => app.MapGet("/zipped", (HttpContext c) =>
        {
            c.Response.Headers.ContentEncoding = "gzip";
            return Results.Bytes(Gzip("<p>squeezed</p>"u8.ToArray()), "text/html; charset=utf-8");
        }));
        await using var harness = FetchHarness.Create();

        var fetched = Assert.IsType<Fetched>(await harness.FetchAsync(FetchHarness.Source(site.BaseUrl), site.Url("/zipped")));

        Assert.Equal("<p>squeezed</p>", fetched.Encoding.GetString(fetched.Body));
        Assert.Equal(1, site.Hits("/zipped"));
    }

    [Fact]
    public async Task Invalid_gzip_is_bad_content_and_not_retried()
    {
        await using var site = await MisbehavingSite.StartAsync(app => app.MapGet("/broken-gzip", (HttpContext c) =>
        {
            c.Response.Headers.ContentEncoding = "gzip";
            return Results.Bytes("this is not gzip at all, just text pretending"u8.ToArray(), "text/html");
        }));
        await using var harness = FetchHarness.Create();

        var failed = Assert.IsType<FetchFailed>(await harness.FetchAsync(FetchHarness.Source(site.BaseUrl), site.Url("/broken-gzip")));

        Assert.Equal(FetchErrorKind.BadContent, failed.Kind);
        Assert.Equal(1, site.Hits("/broken-gzip"));
    }

    [Fact]
    public async Task A_gzip_bomb_stops_at_the_decompressed_size_limit()
    {
        // 64 MiB of zeros squeezes to ~64 KB: small on the wire, 256 times the limit once inflated.
        var bomb = Gzip(new byte[64 * 1024 * 1024]);
        Assert.True(bomb.Length < Limit);
        await using var site = await MisbehavingSite.StartAsync(app => app.MapGet("/bomb", (HttpContext c) =>
        {
            c.Response.Headers.ContentEncoding = "gzip";
            return Results.Bytes(bomb, "text/html");
        }));
        await using var harness = FetchHarness.Create();

        var failed = Assert.IsType<FetchFailed>(await harness.FetchAsync(FetchHarness.Source(site.BaseUrl), site.Url("/bomb")));

        Assert.Equal(FetchErrorKind.TooLarge, failed.Kind);
        Assert.Contains("gzip-decoded", failed.Reason);
        Assert.Equal(1, site.Hits("/bomb"));
    }

    [Fact]
    public async Task An_oversized_body_with_Content_Length_is_refused_before_reading_it()
    {
        await using var site = await MisbehavingSite.StartAsync(app => app.MapGet("/huge", () => Results.Bytes(new byte[Limit + 1], "text/html")));
        await using var harness = FetchHarness.Create();

        var failed = Assert.IsType<FetchFailed>(await harness.FetchAsync(FetchHarness.Source(site.BaseUrl), site.Url("/huge")));

        Assert.Equal(FetchErrorKind.TooLarge, failed.Kind);
        Assert.Contains("Content-Length", failed.Reason);
        Assert.Equal(1, site.Hits("/huge"));
    }

    [Fact]
    public async Task An_oversized_chunked_body_without_Content_Length_is_cut_off_at_the_limit()
    {
        await using var site = await MisbehavingSite.StartAsync(app => app.MapGet("/endless", async (HttpContext c) =>
        {
            c.Response.ContentType = "text/html";
            var chunk = new byte[16 * 1024];
            try
            {
                for (var i = 0; i < 1000; i++)
                {
                    await c.Response.Body.WriteAsync(chunk, c.RequestAborted);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException)
            {
                // The client stopped reading at its limit.
            }
        }));
        await using var harness = FetchHarness.Create();

        var failed = Assert.IsType<FetchFailed>(await harness.FetchAsync(FetchHarness.Source(site.BaseUrl), site.Url("/endless")));

        Assert.Equal(FetchErrorKind.TooLarge, failed.Kind);
        Assert.DoesNotContain("Content-Length", failed.Reason);
        Assert.Equal(1, site.Hits("/endless"));
    }

    [Fact]
    public async Task A_redirect_loop_stops_after_the_maximum_number_of_redirects()
    {
        await using var site = await MisbehavingSite.StartAsync(app =>
        {
            app.MapGet("/ping", () => Results.Redirect("/pong"));
            app.MapGet("/pong", () => Results.Redirect("/ping"));
        });
        await using var harness = FetchHarness.Create();

        var failed = Assert.IsType<FetchFailed>(await harness.FetchAsync(FetchHarness.Source(site.BaseUrl), site.Url("/ping")));

        Assert.Equal(FetchErrorKind.TooManyRedirects, failed.Kind);
        Assert.Equal(4, site.Hits("/ping") + site.Hits("/pong")); // the first request and 3 redirects
        Assert.Equal(4, failed.Attempts);
    }

    [Fact]
    public async Task A_redirect_is_followed_and_the_final_url_reported()
    {
        await using var site = await MisbehavingSite.StartAsync(app =>
        {
            app.MapGet("/old", () => Results.Redirect("/new", permanent: true));
            app.MapGet("/new", () => Results.Content("<p>moved</p>", "text/html"));
        });
        await using var harness = FetchHarness.Create();

        var fetched = Assert.IsType<Fetched>(await harness.FetchAsync(FetchHarness.Source(site.BaseUrl), site.Url("/old")));

        Assert.Equal(site.Url("/old"), fetched.RequestedUrl);
        Assert.Equal(site.Url("/new"), fetched.FinalUrl);
        Assert.Equal(1, site.Hits("/new"));
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/file.html")]
    [InlineData("file:///etc/passwd")]
    [InlineData("relative/path")]
    public async Task Only_absolute_http_and_https_urls_are_fetched(string url)
    {
        await using var harness = FetchHarness.Create();

        var failed = Assert.IsType<FetchFailed>(await harness.FetchAsync(FetchHarness.Source(new Uri("http://127.0.0.1/")), new Uri(url, UriKind.RelativeOrAbsolute)));

        Assert.Equal(FetchErrorKind.DisallowedUrl, failed.Kind);
        Assert.Equal(0, failed.Attempts);
    }

    [Fact]
    public async Task A_pdf_or_image_is_never_handed_on_as_a_page()
    {
        await using var site = await MisbehavingSite.StartAsync(app =>
        {
            app.MapGet("/report.pdf", () => Results.Bytes("%PDF-1.7 ..."u8.ToArray(), "application/pdf"));
            app.MapGet("/photo", () => Results.Bytes([0x89, 0x50, 0x4E, 0x47], "image/png"));
            app.MapGet("/untyped", () => Results.Bytes("  <html><p>no type</p></html>"u8.ToArray()));
        });
        await using var harness = FetchHarness.Create();
        var source = FetchHarness.Source(site.BaseUrl);

        var pdf = Assert.IsType<FetchFailed>(await harness.FetchAsync(source, site.Url("/report.pdf")));
        var png = Assert.IsType<FetchFailed>(await harness.FetchAsync(source, site.Url("/photo")));
        var untyped = Assert.IsType<Fetched>(await harness.FetchAsync(source, site.Url("/untyped")));

        Assert.Equal(FetchErrorKind.BadContent, pdf.Kind);
        Assert.Contains("application/pdf", pdf.Reason);
        Assert.Equal(FetchErrorKind.BadContent, png.Kind);
        Assert.Contains("no type", untyped.Encoding.GetString(untyped.Body));
        Assert.Equal(1, site.Hits("/report.pdf"));
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}
