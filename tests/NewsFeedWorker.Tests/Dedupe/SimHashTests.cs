using NewsFeedWorker.Dedupe;

namespace NewsFeedWorker.Tests.Dedupe;

public sealed class SimHashTests
{
    private const string Release =
        "행정안전부는지방자치단체의디지털정부혁신성과를공유하고확산하기위해우수사례12건을선정했다고밝혔다이번공모에는전국243개지방자치단체가운데187개기관이참여해모두412건의사례를제출했으며서면심사와현장실사국민온라인투표를거쳐최종우수사례가가려졌다";

    private const string Farming =
        "전라남도는올해도내쌀수확량이지난해보다6늘어난78만톤으로집계됐다고밝혔다모내기이후일조량이충분했고태풍피해가적었던덕분이다도는늘어난물량이가격하락으로이어지지않도록공공비축미매입을앞당기기로했다";

    [Fact]
    public void The_same_text_gives_the_same_hash() =>
        Assert.Equal(SimHash.Compute(Release), SimHash.Compute(string.Concat(Release)));

    [Fact]
    public void A_one_word_edit_moves_the_hash_a_few_bits_at_most()
    {
        var edited = Release.Replace("412건", "415건", StringComparison.Ordinal);
        Assert.NotEqual(Release, edited);
        Assert.InRange(SimHash.Distance(SimHash.Compute(Release), SimHash.Compute(edited)), 0, 3);
    }

    [Fact]
    public void Unrelated_texts_are_far_apart() =>
        Assert.True(SimHash.Distance(SimHash.Compute(Release), SimHash.Compute(Farming)) > 12);

    [Fact]
    public void Distance_counts_differing_bits()
    {
        Assert.Equal(0, SimHash.Distance(42, 42));
        Assert.Equal(64, SimHash.Distance(0, ulong.MaxValue));
        Assert.Equal(2, SimHash.Distance(0b1010, 0b0000));
    }

    [Fact]
    public void The_four_bands_are_the_hash_in_16_bit_pieces()
    {
        const ulong hash = 0x1234_5678_9ABC_DEF0;
        Assert.Equal([0xDEF0, 0x9ABC, 0x5678, 0x1234], Enumerable.Range(0, 4).Select(b => SimHash.Band(hash, b)));
    }

    [Fact]
    public void Hashes_within_three_bits_share_a_band()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 1000; trial++)
        {
            var a = (ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63);
            var b = a;
            foreach (var bit in Enumerable.Range(0, 3).Select(_ => random.Next(64)))
            {
                b ^= 1UL << bit;
            }

            Assert.Contains(Enumerable.Range(0, 4), band => SimHash.Band(a, band) == SimHash.Band(b, band));
        }
    }
}
