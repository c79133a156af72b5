using System.Text;
using NewsFeedWorker.Fetching;

namespace NewsFeedWorker.Tests.Fetching;

public sealed class CharsetDetectorTests
{
    private const string Korean = "흐림서울 16.4℃ 기상청 제공";

    private static byte[] Cp949(string text) => Encoding.GetEncoding(949).GetBytes(text);

    [Fact]
    public void The_header_charset_is_used_first()
    {
        var body = Cp949($"<meta charset=\"utf-8\"><p>{Korean}</p>");

        var encoding = CharsetDetector.Detect(body, "ks_c_5601-1987", null, null);

        Assert.Equal(949, encoding.CodePage);
        Assert.Contains(Korean, encoding.GetString(body));
    }

    [Fact]
    public void A_byte_order_mark_overrides_a_wrong_header()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Korean)];

        Assert.Equal(Encoding.UTF8.CodePage, CharsetDetector.Detect(body, "euc-kr", null, null).CodePage);
    }

    [Fact]
    public void An_unknown_header_label_falls_through_to_the_meta_tag()
    {
        var body = Cp949($"<head><meta charset='euc-kr'></head><p>{Korean}</p>");

        Assert.Equal(949, CharsetDetector.Detect(body, "x-made-up", null, null).CodePage);
    }

    [Fact]
    public void A_meta_tag_far_past_1024_bytes_in_the_head_is_found_but_one_in_the_body_is_not()
    {
        var head = $"<head><style>{new string(' ', 5000)}</style><meta http-equiv=content-type content=\"text/html;charset=EUC-KR\"></head>";
        var inBody = $"<head></head><body><meta charset=euc-kr><p>{Korean}</p></body>";

        Assert.Equal(949, CharsetDetector.Detect(Cp949(head + Korean), null, null, null).CodePage);
        Assert.Equal(949, CharsetDetector.Detect(Cp949(inBody), null, null, "ko").CodePage); // via the language default, not the meta
        Assert.Null(MetaCharsetScanner.Find(Cp949(inBody)));
    }

    [Fact]
    public void A_stale_legacy_meta_on_a_page_written_in_utf8_gives_utf8()
    {
        // A site moved to UTF-8 that kept its old tag: decoding as GB2312 would garble the text and its tags.
        var body = Encoding.UTF8.GetBytes("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><p>人工智能迈上新台阶</p><p>" + Korean + "</p>");

        Assert.Equal(Encoding.UTF8.CodePage, CharsetDetector.Detect(body, null, null, null).CodePage);
    }

    [Fact]
    public void A_legacy_meta_is_believed_for_legacy_bytes_and_for_plain_ascii()
    {
        var legacy = Cp949($"<meta charset=\"euc-kr\"><p>{Korean}</p>");
        var ascii = Encoding.ASCII.GetBytes("<meta charset=\"euc-kr\"><p>16.4 C</p>");

        Assert.Equal(949, CharsetDetector.Detect(legacy, null, null, null).CodePage);
        Assert.Equal(949, CharsetDetector.Detect(ascii, null, null, null).CodePage);
    }

    [Fact]
    public void A_meta_declaring_utf16_means_utf8()
    {
        var body = Encoding.UTF8.GetBytes("<meta charset=\"utf-16\"><p>hi</p>");

        Assert.Equal(Encoding.UTF8.CodePage, CharsetDetector.Detect(body, null, null, null).CodePage);
    }

    [Fact]
    public void Valid_utf8_beats_the_source_override_and_invalid_utf8_takes_it()
    {
        Assert.Equal(Encoding.UTF8.CodePage, CharsetDetector.Detect(Encoding.UTF8.GetBytes(Korean), null, "euc-kr", null).CodePage);
        Assert.Equal(949, CharsetDetector.Detect(Cp949(Korean), null, "euc-kr", null).CodePage);
    }

    [Theory]
    [InlineData("ko", 949)]
    [InlineData("ja", 932)]
    [InlineData("en", 1252)]
    [InlineData(null, 1252)]
    public void Undeclared_legacy_bytes_without_an_override_take_the_language_default(string? language, int codePage) =>
        Assert.Equal(codePage, CharsetDetector.Detect([0xC8, 0xE5, 0xB8, 0xB2], null, null, language).CodePage);
}
