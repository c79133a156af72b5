using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsFeedWorker.Fetching;

namespace NewsFeedWorker.IntegrationTests.Fetching;

public sealed class CharsetTests
{
    // From the seed page, plus 똠, which only CP949 (not strict EUC-KR / KS X 1001) can encode.
    private const string Korean = "2025.11.08 (토) 흐림서울 16.4℃ 기상청 제공 · 똠방각하";

    private static Encoding Cp949 => Encoding.GetEncoding(949);

    [Theory]
    [InlineData("euc-kr")]
    [InlineData("EUC-KR")]
    [InlineData("ks_c_5601-1987")]
    [InlineData("cp949")]
    public async Task A_korean_page_labelled_in_the_header_decodes_to_correct_hangul(string label)
    {
        var body = Cp949.GetBytes($"<html><head><title>t</title></head><body><p>{Korean}</p></body></html>");
        await using var site = await MisbehavingSite.StartAsync(app => app.MapGet("/kr", () => Results.Bytes(body, $"text/html; charset={label}")));
        await using var harness = FetchHarness.Create();

        var fetched = Assert.IsType<Fetched>(await harness.FetchAsync(FetchHarness.Source(site.BaseUrl), site.Url("/kr")));

        Assert.Equal(949, fetched.Encoding.CodePage);
        Assert.Contains(Korean, fetched.Encoding.GetString(fetched.Body));
        Assert.Equal(body, fetched.Body); // bytes are handed on untouched; the parser decodes
        Assert.Equal(1, site.Hits("/kr"));
    }

    [Theory]
    [InlineData("<meta charset=\"euc-kr\">")]
    [InlineData("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ks_c_5601-1987\">")]
    public async Task A_korean_page_declared_only_in_a_meta_tag_after_the_first_1024_bytes_decodes_to_correct_hangul(string meta)
    {
        var padding = $"<script>var filler = \"{new string('x', 3000)}\";</script><!-- <meta charset=\"utf-8\"> in a comment does not count -->";
        var html = $"<html><head><title>뉴스</title>{padding}{meta}</head><body><p>{Korean}</p></body></html>";
        var body = Cp949.GetBytes(html);
        Assert.True(Cp949.GetBytes(html[..html.IndexOf("<meta", StringComparison.Ordinal)]).Length > 1024);
        await using var site = await MisbehavingSite.StartAsync(app => app.MapGet("/kr-meta", () => Results.Bytes(body, "text/html")));
        await using var harness = FetchHarness.Create();

        var fetched = Assert.IsType<Fetched>(await harness.FetchAsync(FetchHarness.Source(site.BaseUrl), site.Url("/kr-meta")));

        Assert.Equal(949, fetched.Encoding.CodePage);
        Assert.Contains(Korean, fetched.Encoding.GetString(fetched.Body));
    }

    [Fact]
    public async Task An_undeclared_korean_page_uses_the_source_encoding_override()
    {
        var body = Cp949.GetBytes($"<html><body><p>{Korean}</p></body></html>");
        await using var site = await MisbehavingSite.StartAsync(app => app.MapGet("/kr-bare", () => Results.Bytes(body, "text/html")));
        await using var harness = FetchHarness.Create();

        var source = FetchHarness.Source(site.BaseUrl, encoding: "euc-kr");
        var fetched = Assert.IsType<Fetched>(await harness.FetchAsync(source, site.Url("/kr-bare")));

        Assert.Equal(949, fetched.Encoding.CodePage);
        Assert.Contains(Korean, fetched.Encoding.GetString(fetched.Body));
    }

    [Fact]
    public async Task An_undeclared_utf8_page_is_read_as_utf8_even_with_a_legacy_override()
    {
        var body = Encoding.UTF8.GetBytes($"<html><body><p>{Korean}</p></body></html>");
        await using var site = await MisbehavingSite.StartAsync(app => app.MapGet("/utf8", () => Results.Bytes(body, "text/html")));
        await using var harness = FetchHarness.Create();

        var source = FetchHarness.Source(site.BaseUrl, encoding: "euc-kr");
        var fetched = Assert.IsType<Fetched>(await harness.FetchAsync(source, site.Url("/utf8")));

        Assert.Equal(Encoding.UTF8.CodePage, fetched.Encoding.CodePage);
        Assert.Contains(Korean, fetched.Encoding.GetString(fetched.Body));
    }
}
