using NewsFeedWorker.Dedupe;
using NewsFeedWorker.Parsing;

namespace NewsFeedWorker.Tests.Dedupe;

public sealed class MaterialChangeTests
{
    private static readonly Article Before = new()
    {
        Url = new Uri("https://news.example.kr/a/1"),
        Title = "항만 다리, 화물차 통행 금지",
        Subtitle = "3월부터",
        Author = "김민수 기자",
        Published = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero),
        BodyHtml = "<p>첫 문단.</p><p><a href=\"https://x.kr/a\">둘째</a> 문단.</p>",
        BodyText = "첫 문단.\n\n둘째 문단.",
    };

    [Fact]
    public void White_space_zero_width_characters_and_markup_are_no_material_change()
    {
        var after = Before with
        {
            Title = " 항만 다리,\u00A0화물차  통행 금지\u200B",
            BodyHtml = "<p>첫 문단.</p><p><a href=\"https://x.kr/a?utm_source=rss&amp;fbclid=1\">둘째</a> 문단.</p>",
            BodyText = "첫 문단.\n\n\n 둘째\t문단. ",
        };

        Assert.Empty(MaterialChange.Between(Before, after));
    }

    [Fact]
    public void Each_changed_field_is_named_in_a_fixed_order()
    {
        var after = Before with
        {
            Title = "항만 다리, 모든 차량 통행 금지",
            Author = "이영희 기자",
            Updated = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero),
            BodyText = "첫 문단.\n\n둘째 문단은 고쳤다.",
        };

        Assert.Equal([MaterialChange.Title, MaterialChange.Author, MaterialChange.Updated, MaterialChange.Text], MaterialChange.Between(Before, after));
    }

    [Fact]
    public void One_word_of_the_body_is_enough_and_the_same_instant_in_another_offset_is_not_a_change()
    {
        Assert.Equal([MaterialChange.Text], MaterialChange.Between(Before, Before with { BodyText = "첫 문단.\n\n셋째 문단." }));
        Assert.Empty(MaterialChange.Between(Before, Before with { Published = Before.Published!.Value.ToOffset(TimeSpan.FromHours(9)) }));
        Assert.Equal([MaterialChange.Subtitle], MaterialChange.Between(Before, Before with { Subtitle = null }));
    }
}
