using NewsFeedWorker.Parsing.Dates;

namespace NewsFeedWorker.Tests.Parsing.Dates;

public sealed class KoreanDateParserTests
{
    private static readonly TimeZoneInfo Seoul = KoreanDateParser.FindZone("Asia/Seoul");
    private static readonly DateTimeOffset FetchedAt = new(2025, 11, 8, 15, 0, 0, TimeSpan.FromHours(9));

    [Theory]
    [InlineData("2025.11.08 (토)", "2025-11-08T00:00:00+09:00")]
    [InlineData("입력 2025.11.08 14:30", "2025-11-08T14:30:00+09:00")]
    [InlineData("승인 2019.07.23 12:53", "2019-07-23T12:53:00+09:00")]
    [InlineData("2025-11-08 오후 2:30", "2025-11-08T14:30:00+09:00")]
    [InlineData("2025-11-08 오전 12:05", "2025-11-08T00:05:00+09:00")]
    [InlineData("2025년 11월 8일", "2025-11-08T00:00:00+09:00")]
    [InlineData("2025년 11월 8일 14시 30분", "2025-11-08T14:30:00+09:00")]
    [InlineData("2025/11/08", "2025-11-08T00:00:00+09:00")]
    [InlineData("기사입력 2025-06-25 16:12:45", "2025-06-25T16:12:45+09:00")]
    [InlineData("2025.06.25 04:12 PM", "2025-06-25T16:12:00+09:00")]
    [InlineData("기사입력 2025.11.08. 오후 2:30", "2025-11-08T14:30:00+09:00")]
    [InlineData("05/29/2007 09:49:00", "2007-05-29T09:49:00+09:00")]
    [InlineData("29.05.2007", "2007-05-29T00:00:00+09:00")]
    [InlineData("March 5, 2015 2:30 PM", "2015-03-05T14:30:00+09:00")]
    [InlineData("Published 5 March 2015", "2015-03-05T00:00:00+09:00")]
    [InlineData("Sept. 12th, 2019 at 9:05 a.m.", "2019-09-12T09:05:00+09:00")]
    [InlineData("jueves 2 de abril de 2020", "2020-04-02T00:00:00+09:00")]
    [InlineData("3. März 2024 um 14:05 Uhr", "2024-03-03T14:05:00+09:00")]
    [InlineData("le 3 févr. 2024 à 14h05", "2024-02-03T14:05:00+09:00")]
    [InlineData("12 settembre 2019", "2019-09-12T00:00:00+09:00")]
    [InlineData("20 septembrie 2020 16:20", "2020-09-20T16:20:00+09:00")]
    [InlineData("Do 25.04.24 | 14:07 Uhr", "2024-04-25T14:07:00+09:00")]
    [InlineData("03-05-2024", "2024-05-03T00:00:00+09:00")]
    [InlineData("2024年5月3日 14:30", "2024-05-03T14:30:00+09:00")]
    public void Korean_and_western_forms_are_read_in_the_source_zone(string text, string expected)
        => Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), KoreanDateParser.Parse(text, Seoul, FetchedAt));

    [Theory]
    [InlineData("2025-11-08T05:30:00Z", "2025-11-08T05:30:00+00:00")]
    [InlineData("2025-11-08T14:30:00+09:00", "2025-11-08T14:30:00+09:00")]
    [InlineData("2025-11-08T14:30:00.123+0900", "2025-11-08T14:30:00.123+09:00")]
    [InlineData("2025-11-07T23:30:00-05:00", "2025-11-07T23:30:00-05:00")]
    [InlineData("Sat, 08 Nov 2025 05:30:00 GMT", "2025-11-08T05:30:00+00:00")]
    [InlineData("Sat, 08 Nov 2025 14:30:00 +0900", "2025-11-08T14:30:00+09:00")]
    [InlineData("8 Nov 2025 00:30 -0500", "2025-11-08T00:30:00-05:00")]
    public void Iso_and_rfc822_times_keep_their_instant_and_written_offset(string text, string expected)
    {
        // A page in New York that says 23:30 -05:00 was published on the 7th there, even if it is already the 8th in Seoul.
        var parsed = KoreanDateParser.Parse(text, Seoul, FetchedAt);
        var want = DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(want, parsed);
        Assert.Equal(want.Offset, parsed!.Value.Offset);
    }

    [Fact]
    public void The_source_zone_applies_only_to_a_time_written_without_an_offset()
    {
        Assert.Equal(TimeSpan.FromHours(9), KoreanDateParser.Parse("2025-11-08T14:30:00", Seoul, FetchedAt)!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2025, 11, 8, 14, 30, 0, TimeSpan.FromHours(9)), KoreanDateParser.Parse("2025-11-08T14:30:00", Seoul, FetchedAt));
    }

    [Theory]
    [InlineData("3시간 전", "2025-11-08T12:00:00+09:00")]
    [InlineData("10분 전", "2025-11-08T14:50:00+09:00")]
    [InlineData("2일 전", "2025-11-06T15:00:00+09:00")]
    [InlineData("어제", "2025-11-07T00:00:00+09:00")]
    [InlineData("어제 오후 3:20", "2025-11-07T15:20:00+09:00")]
    [InlineData("그제", "2025-11-06T00:00:00+09:00")]
    [InlineData("방금 전", "2025-11-08T15:00:00+09:00")]
    public void Relative_forms_are_resolved_against_the_fetch_time(string text, string expected)
        => Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), KoreanDateParser.Parse(text, Seoul, FetchedAt));

    [Fact]
    public void Relative_forms_use_the_fetch_time_in_the_source_zone_not_in_utc()
    {
        // 23:30 UTC on the 7th is already the 8th in Seoul, so "어제" is the 7th there.
        var fetched = new DateTimeOffset(2025, 11, 7, 23, 30, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2025, 11, 7, 0, 0, 0, TimeSpan.FromHours(9)), KoreanDateParser.Parse("어제", Seoul, fetched));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("기자명 이정민 기자")]
    [InlineData("2025.13.45")]
    [InlineData("2025.02.30 10:00")]
    [InlineData("댓글 0")]
    [InlineData("99999999999년 전")]
    [InlineData("9999999999999999시간 전")]
    public void Text_without_a_date_gives_null_never_now(string? text)
        => Assert.Null(KoreanDateParser.Parse(text, Seoul, FetchedAt));

    [Fact]
    public void Source_formats_are_tried_first()
    {
        // dd/MM/yyyy would read as nothing (or as the wrong month) with the built-in forms.
        var parsed = KoreanDateParser.Parse("08/11/2025 14:30", Seoul, FetchedAt, ["dd/MM/yyyy HH:mm"]);
        Assert.Equal(new DateTimeOffset(2025, 11, 8, 14, 30, 0, TimeSpan.FromHours(9)), parsed);
    }

    [Theory]
    [InlineData("등록 2025.06.25 14:32:08", "2025-06-25T14:32:08+09:00")]
    [InlineData("입력 2025.11.08 09:12", "2025-11-08T09:12:00+09:00")]
    [InlineData("승인 2025.11.08 09:12", "2025-11-08T09:12:00+09:00")]
    [InlineData("기사입력 : 2025년 06월 25일 16시 12분", "2025-06-25T16:12:00+09:00")]
    [InlineData("[등록 2025-06-25 14:32]", "2025-06-25T14:32:00+09:00")]
    [InlineData("홍길동 기자 | 입력 2025.06.25 14:32 | 댓글 3", "2025-06-25T14:32:00+09:00")]
    [InlineData("조회수 2,031 · 등록일 2025.06.25", "2025-06-25T00:00:00+09:00")]
    [InlineData("최종수정 2025.06.25 오후 5:05", "2025-06-25T17:05:00+09:00")]
    public void A_date_inside_a_labelled_byline_text_is_found(string text, string expected)
        => Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), KoreanDateParser.Parse(text, Seoul, FetchedAt));

    [Theory]
    [InlineData("등록 202506251432")]
    [InlineData("[입력: 202506251432]")]
    [InlineData("기자명 홍길동 | 등록 202506251432 | 조회 12")]
    public void Source_formats_also_match_the_date_after_a_label(string text)
    {
        // A compact stamp no built-in form reads: only the source's format can, once the label is set aside.
        var parsed = KoreanDateParser.Parse(text, Seoul, FetchedAt, ["yyyyMMddHHmm"]);
        Assert.Equal(new DateTimeOffset(2025, 6, 25, 14, 32, 0, TimeSpan.FromHours(9)), parsed);
    }

    [Fact]
    public void A_zone_is_looked_up_once_and_then_served_from_the_cache()
    {
        // Only this test uses Lisbon, so it is not cached before the first lookup.
        const string Id = "Europe/Lisbon";
        Assert.False(KoreanDateParser.IsZoneCached(Id));

        var first = KoreanDateParser.FindZone(Id);

        Assert.True(KoreanDateParser.IsZoneCached(Id));
        Assert.Equal(Id, first.Id);
        Assert.All(Enumerable.Range(0, 10), _ => Assert.Same(first, KoreanDateParser.FindZone(Id)));
    }

    [Fact]
    public void Dates_without_an_offset_take_the_source_zone_offset_including_daylight_saving()
    {
        var newYork = KoreanDateParser.FindZone("America/New_York");
        Assert.Equal(TimeSpan.FromHours(-4), KoreanDateParser.Parse("2025.07.01 09:00", newYork, FetchedAt)!.Value.Offset);
        Assert.Equal(TimeSpan.FromHours(-5), KoreanDateParser.Parse("2025.12.01 09:00", newYork, FetchedAt)!.Value.Offset);
    }

    [Fact]
    public void An_unknown_zone_id_falls_back_to_seoul()
        => Assert.Equal(TimeSpan.FromHours(9), KoreanDateParser.FindZone("Mars/Olympus").BaseUtcOffset);
}
