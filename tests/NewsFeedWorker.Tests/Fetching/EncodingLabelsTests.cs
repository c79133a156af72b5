using System.Text;
using NewsFeedWorker.Fetching;

namespace NewsFeedWorker.Tests.Fetching;

public sealed class EncodingLabelsTests
{
    [Theory]
    [InlineData("euc-kr")]
    [InlineData("EUC-KR")]
    [InlineData("ks_c_5601-1987")]
    [InlineData("KS_C_5601-1987")]
    [InlineData("cp949")]
    [InlineData("windows-949")]
    [InlineData("\"euc-kr\"")]
    public void Every_korean_label_decodes_hangul_including_cp949_only_syllables(string label)
    {
        var encoding = EncodingLabels.Resolve(label);

        Assert.NotNull(encoding);
        Assert.Equal(949, encoding.CodePage);
        // 똠 exists only in CP949's extension; 흐림 and ℃ are plain EUC-KR.
        byte[] bytes = [0xC8, 0xE5, 0xB8, 0xB2, 0xA1, 0xC9, 0x8C, 0x63];
        Assert.Equal("흐림℃똠", encoding.GetString(bytes));
    }

    [Theory]
    [InlineData("iso-8859-1", 1252)]
    [InlineData("us-ascii", 1252)]
    [InlineData("utf-8", 65001)]
    [InlineData("shift_jis", 932)]
    [InlineData("gb2312", 936)]
    public void Labels_map_as_browsers_map_them(string label, int codePage) =>
        Assert.Equal(codePage, EncodingLabels.Resolve(label)!.CodePage);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no-such-charset")]
    [InlineData("utf-7")]
    public void Unknown_empty_and_dangerous_labels_resolve_to_nothing(string? label) =>
        Assert.Null(EncodingLabels.Resolve(label));

    [Fact]
    public void The_code_pages_are_registered_so_korean_labels_resolve_anywhere()
    {
        Assert.Equal(949, Encoding.GetEncoding("ks_c_5601-1987").CodePage);
    }
}
