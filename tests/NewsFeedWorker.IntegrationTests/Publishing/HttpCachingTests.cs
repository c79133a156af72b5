using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using NewsFeedWorker.Publishing.Serving;
using NewsFeedWorker.Tests.Publishing.Fakes;

namespace NewsFeedWorker.IntegrationTests.Publishing;

/// <summary>Content types, validators, 304s, compression and Cache-Control over real HTTP.</summary>
public sealed class HttpCachingTests
{
    [Theory]
    [InlineData("feeds/portalnews.rss", "application/rss+xml")]
    [InlineData("feeds/all.atom", "application/atom+xml")]
    [InlineData("feeds/weather.json", "application/feed+json")]
    [InlineData("opml", "text/x-opml")]
    [InlineData("weather.json", "application/json")]
    public async Task Feeds_are_served_with_their_media_type_and_utf8_charset(string path, string mediaType)
    {
        await using var server = await FeedServer.StartAsync();

        using var response = await server.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
    }

    [Fact]
    public async Task A_made_up_host_header_neither_changes_the_self_link_nor_costs_a_render_of_its_own()
    {
        await using var server = await FeedServer.StartAsync();
        using var plain = await server.Client.GetAsync("feeds/portalnews.atom");
        using var request = new HttpRequestMessage(HttpMethod.Get, "feeds/portalnews.atom");
        request.Headers.Host = "attacker.example";
        using var forged = await server.Client.SendAsync(request);

        // The self link is the address the server listens on, whatever the client says its name is.
        var self = System.Xml.Linq.XDocument.Parse(await forged.Content.ReadAsStringAsync()).Root!
            .Elements(System.Xml.Linq.XName.Get("link", "http://www.w3.org/2005/Atom")).Single(l => (string?)l.Attribute("rel") == "self");
        Assert.Equal(server.Url("feeds/portalnews.atom").AbsoluteUri, self.Attribute("href")!.Value);
        Assert.Equal(plain.Headers.ETag, forged.Headers.ETag);
    }

    [Fact]
    public async Task Made_up_limits_share_the_renders_of_a_few_rounded_limits()
    {
        await using var server = await FeedServer.StartAsync();

        using var seven = await server.Client.GetAsync("feeds/all.rss?limit=7");
        using var nine = await server.Client.GetAsync("feeds/all.rss?limit=9");
        using var five = await server.Client.GetAsync("feeds/all.rss?limit=5");

        Assert.Equal(HttpStatusCode.OK, seven.StatusCode);
        Assert.Equal(five.Headers.ETag, seven.Headers.ETag);
        Assert.Equal(five.Headers.ETag, nine.Headers.ETag);
    }

    [Fact]
    public async Task A_matching_if_none_match_gets_304_without_a_body()
    {
        await using var server = await FeedServer.StartAsync();
        using var first = await server.Client.GetAsync("feeds/portalnews.rss");
        var etag = first.Headers.ETag!;
        Assert.False(etag.IsWeak);

        using var request = new HttpRequestMessage(HttpMethod.Get, "feeds/portalnews.rss");
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, second.Headers.ETag);
    }

    [Fact]
    public async Task If_none_match_takes_precedence_over_if_modified_since()
    {
        await using var server = await FeedServer.StartAsync();
        using var first = await server.Client.GetAsync("feeds/portalnews.rss");

        using var request = new HttpRequestMessage(HttpMethod.Get, "feeds/portalnews.rss");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        request.Headers.IfModifiedSince = first.Content.Headers.LastModified!.Value.AddYears(1);
        using var second = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task Last_modified_is_the_newest_item_and_if_modified_since_round_trips()
    {
        await using var server = await FeedServer.StartAsync();
        using var first = await server.Client.GetAsync("feeds/portalnews.rss");
        var lastModified = first.Content.Headers.LastModified!.Value;
        Assert.Equal(FeedSeed.Mois().Article.Published, lastModified);

        using var same = new HttpRequestMessage(HttpMethod.Get, "feeds/portalnews.rss");
        same.Headers.IfModifiedSince = lastModified;
        using var notModified = await server.Client.SendAsync(same);
        using var older = new HttpRequestMessage(HttpMethod.Get, "feeds/portalnews.rss");
        older.Headers.IfModifiedSince = lastModified.AddSeconds(-1);
        using var modified = await server.Client.SendAsync(older);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, modified.StatusCode);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task Feeds_are_compressed_when_the_client_accepts_it(string encoding)
    {
        await using var server = await FeedServer.StartAsync();
        using var plain = await server.Client.GetAsync("feeds/all.atom");
        var plainBytes = await plain.Content.ReadAsByteArrayAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, "feeds/all.atom");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        using var response = await server.Client.SendAsync(request);
        var compressed = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        // Another representation, another strong ETag; and its own 304.
        Assert.False(response.Headers.ETag!.IsWeak);
        Assert.NotEqual(plain.Headers.ETag, response.Headers.ETag);
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, "feeds/all.atom");
        revalidate.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        revalidate.Headers.IfNoneMatch.Add(response.Headers.ETag);
        using var notModified = await server.Client.SendAsync(revalidate);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.True(compressed.Length < plainBytes.Length / 2, $"{compressed.Length} compressed vs {plainBytes.Length}");
        using var decoded = new MemoryStream();
        await using (Stream decoder = encoding == "br"
            ? new System.IO.Compression.BrotliStream(new MemoryStream(compressed), System.IO.Compression.CompressionMode.Decompress)
            : new System.IO.Compression.GZipStream(new MemoryStream(compressed), System.IO.Compression.CompressionMode.Decompress))
        {
            await decoder.CopyToAsync(decoded);
        }

        Assert.Equal(plainBytes, decoded.ToArray());
    }

    [Fact]
    public async Task Cache_control_lasts_until_after_the_next_scheduled_scrape_and_never_beyond_the_schedule()
    {
        await using var server = await FeedServer.StartAsync();
        // The fake clock reads 03:05:00 UTC; portalnews runs every 15 minutes, so next at 03:15 (+1 min grace).
        using var source = await server.Client.GetAsync("feeds/portalnews.rss");
        server.Time.Advance(TimeSpan.FromMinutes(9));
        using var later = await server.Client.GetAsync("feeds/portalnews.rss");

        Assert.Equal(TimeSpan.FromMinutes(11), source.Headers.CacheControl!.MaxAge);
        Assert.True(source.Headers.CacheControl.Public);
        Assert.Equal(TimeSpan.FromMinutes(2), later.Headers.CacheControl!.MaxAge);
    }

    [Fact]
    public async Task Ttl_in_the_feed_follows_the_sources_schedule()
    {
        await using var server = await FeedServer.StartAsync();

        var portal = await server.Client.GetStringAsync("feeds/portalnews.rss");
        var regional = await server.Client.GetStringAsync("feeds/gyeonggi.rss");

        Assert.Contains("<ttl>15</ttl>", portal, StringComparison.Ordinal);
        Assert.Contains("<ttl>60</ttl>", regional, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Limit_picks_the_item_count_up_to_the_maximum_and_rejects_nonsense()
    {
        await using var server = await FeedServer.StartAsync(settings: new Dictionary<string, string?> { ["Publishing:MaxItemCount"] = "2", ["Publishing:DefaultItemCount"] = "2" });

        var one = await server.Client.GetStringAsync("feeds/all.rss?limit=1");
        var clamped = await server.Client.GetStringAsync("feeds/all.rss?limit=100000");
        using var bad = await server.Client.GetAsync("feeds/all.rss?limit=abc");

        Assert.Equal(1, one.Split("<item>").Length - 1);
        Assert.Equal(2, clamped.Split("<item>").Length - 1);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Theory]
    [InlineData("feeds/nosuchsource.rss")]
    [InlineData("feeds/portalnews.txt")]
    [InlineData("feeds/gyeonggi/weather.rss")]
    [InlineData("feeds/category/없는분류.rss")]
    [InlineData("feeds/portalnews/other.rss")]
    public async Task Unknown_feeds_are_404(string path)
    {
        await using var server = await FeedServer.StartAsync();

        using var response = await server.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Brotli_is_preferred_and_quality_zero_refuses_an_encoding()
    {
        await using var server = await FeedServer.StartAsync();

        using var both = new HttpRequestMessage(HttpMethod.Get, "feeds/all.rss");
        both.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate, br");
        using var noBrotli = new HttpRequestMessage(HttpMethod.Get, "feeds/all.rss");
        noBrotli.Headers.TryAddWithoutValidation("Accept-Encoding", "br;q=0, gzip");
        using var preferred = await server.Client.SendAsync(both);
        using var refused = await server.Client.SendAsync(noBrotli);

        Assert.Equal(["br"], preferred.Content.Headers.ContentEncoding);
        Assert.Equal(["gzip"], refused.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Head_gets_the_headers_of_get_without_a_body()
    {
        await using var server = await FeedServer.StartAsync();
        using var get = await server.Client.GetAsync("feeds/all.json");

        using var head = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "feeds/all.json"));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(get.Content.Headers.LastModified, head.Content.Headers.LastModified);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_stale_etag_gets_the_new_bytes_after_a_store_change_and_the_new_etag_gets_304()
    {
        await using var server = await FeedServer.StartAsync();
        using var first = await server.Client.GetAsync("feeds/all.rss");
        var old = first.Headers.ETag!;
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, "feeds/all.rss");
        revalidate.Headers.IfNoneMatch.Add(old);
        using var unchanged = await server.Client.SendAsync(revalidate);

        server.Store.Add(FeedSeed.Adversarial());
        server.Services.GetRequiredService<ChangeVersionGate>().Invalidate();
        using var stale = new HttpRequestMessage(HttpMethod.Get, "feeds/all.rss");
        stale.Headers.IfNoneMatch.Add(old);
        using var changed = await server.Client.SendAsync(stale);
        var current = changed.Headers.ETag!;
        using var again = new HttpRequestMessage(HttpMethod.Get, "feeds/all.rss");
        again.Headers.IfNoneMatch.Add(current);
        using var notModified = await server.Client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(old, current);
        Assert.NotEqual(await first.Content.ReadAsByteArrayAsync(), await changed.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(current, notModified.Headers.ETag);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("gzip")]
    public async Task Plain_requests_and_exact_etag_matches_get_the_same_headers_as_the_full_precondition_check(string? encoding)
    {
        // No precondition and an exact If-None-Match are answered directly; a tag list or a weak tag goes through the
        // framework's precondition evaluation. Both must answer alike.
        await using var server = await FeedServer.StartAsync();
        HttpRequestMessage Request(params string[] ifNoneMatch)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "feeds/all.rss");
            if (encoding is not null)
            {
                request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
            }

            if (ifNoneMatch.Length > 0)
            {
                request.Headers.TryAddWithoutValidation("If-None-Match", string.Join(", ", ifNoneMatch));
            }

            return request;
        }

        using var direct = await server.Client.SendAsync(Request());
        var etag = direct.Headers.ETag!.Tag;
        using var parsed = await server.Client.SendAsync(Request("\"no-such-tag\""));
        using var directNotModified = await server.Client.SendAsync(Request(etag));
        using var listNotModified = await server.Client.SendAsync(Request("\"no-such-tag\"", etag));
        using var weakNotModified = await server.Client.SendAsync(Request("W/" + etag));

        Assert.Equal(HttpStatusCode.OK, direct.StatusCode);
        Assert.Equal(HttpStatusCode.OK, parsed.StatusCode);
        Assert.Equal(Headers(parsed), Headers(direct));
        Assert.Equal(await parsed.Content.ReadAsByteArrayAsync(), await direct.Content.ReadAsByteArrayAsync());
        Assert.Equal(encoding is null ? [] : [encoding], direct.Content.Headers.ContentEncoding);
        Assert.All([directNotModified, listNotModified, weakNotModified], r => Assert.Equal(HttpStatusCode.NotModified, r.StatusCode));
        Assert.Equal(Headers(listNotModified), Headers(directNotModified));
        Assert.Equal(Headers(weakNotModified), Headers(directNotModified));
        Assert.Empty(await directNotModified.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task If_match_with_another_tag_is_412_and_with_ours_is_200()
    {
        await using var server = await FeedServer.StartAsync();
        using var first = await server.Client.GetAsync("feeds/all.rss");

        using var other = new HttpRequestMessage(HttpMethod.Get, "feeds/all.rss");
        other.Headers.IfMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        using var failed = await server.Client.SendAsync(other);
        using var ours = new HttpRequestMessage(HttpMethod.Get, "feeds/all.rss");
        ours.Headers.IfMatch.Add(first.Headers.ETag!);
        using var matched = await server.Client.SendAsync(ours);

        Assert.Equal(HttpStatusCode.PreconditionFailed, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, matched.StatusCode);
    }

    // Every header but Date, in a comparable form.
    private static string Headers(HttpResponseMessage response) =>
        string.Join("\n", response.Headers.Concat(response.Content.Headers)
            .Where(h => h.Key != "Date")
            .OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
            .Select(h => $"{h.Key}: {string.Join(", ", h.Value)}"));
}
