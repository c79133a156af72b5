using System.Net;
using System.Text;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Sources;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Tests.Publishing.Fakes;

/// <summary>Realistic Korean test data modeled on the seed page (shared/seeds/000_dacfe78c4d78c5e5.txt).</summary>
public static class FeedSeed
{
    public const string PortalId = "portalnews";
    public const string RegionId = "gyeonggi";
    public static readonly TimeSpan Kst = TimeSpan.FromHours(9);

    public static readonly Guid MoisId = new("5b0b5a0c-7f51-4d56-9a8e-2c3f1d6b9e01");
    public static readonly Guid PoliticsId = new("5b0b5a0c-7f51-4d56-9a8e-2c3f1d6b9e02");
    public static readonly Guid UndatedId = new("5b0b5a0c-7f51-4d56-9a8e-2c3f1d6b9e03");
    public static readonly Guid CopyId = new("5b0b5a0c-7f51-4d56-9a8e-2c3f1d6b9e04");
    public static readonly Guid SocietyId = new("5b0b5a0c-7f51-4d56-9a8e-2c3f1d6b9e05");
    public static readonly DateTimeOffset UndatedFirstSeen = new(2025, 11, 8, 9, 30, 0, Kst);

    public static readonly string[] MoisParagraphs =
    [
        "(포탈뉴스통신) 행정안전부는 6월 25일, 인공지능(AI) 시대 공공 AX 방향을 모색하기 위한 ‘제8회 전자정부의 날’ 기념행사를 정부세종컨벤션센터에서 개최했다.",
        "올해 행사는 ‘2025년 제1회 지능정보화책임관(CIO) 협의회’를 겸해, 1부 ‘전자정부의 날 기념식’과 2부 ‘산·학·연 전문가의 공공 AX 토론회’로 진행됐다.",
        "이번 행사에는 대통령실 AI미래기획수석으로 임명된 하정우 수석이 참석해 인공지능(AI) 3대 강국 도약을 위한 공공부문 AI 대전환(AX)의 중요성을 강조했다.",
        "김민재 행정안전부 장관 직무대행은 “정부 AI 대전환이 이뤄지면 AI 3대 강국으로 도약하는 토대가 될 수 있다”라며, “세계가 인정한 디지털정부의 경험을 바탕으로, 국민의 삶을 풍요롭게 만드는 AI 정부를 구현하기 위해 힘쓰겠다”라고 말했다.",
    ];

    /// <summary>The 16 readings of the seed page's KMA widget, four without a sky condition.</summary>
    public static readonly IReadOnlyList<WeatherReading> SeedReadings =
    [
        new("동두천", "흐림", 14.3m), new("강릉", "흐림", 12.0m), new("서울", "흐림", 16.4m), new("대전", "구름많음", 16.9m),
        new("대구", "흐림", 16.6m), new("울산", null, 16.4m), new("광주", null, 17.1m), new("부산", null, 17.2m),
        new("고창", "흐림", 17.5m), new("제주", null, 17.8m), new("강화", "흐림", 13.9m), new("보은", "흐림", 15.8m),
        new("금산", "흐림", 17.3m), new("강진군", "흐림", 15.7m), new("경주시", "흐림", 15.7m), new("거제", "흐림", 15.8m),
    ];

    public static IReadOnlyList<SourceDefinition> Sources { get; } =
    [
        new SourceDefinition
        {
            Id = PortalId,
            Name = "포탈뉴스통신",
            Schedule = "0 */15 * * * ?",
            Language = "ko",
            StartUrls = [new Uri("https://www.portalnews.example/")],
            Weather = new WeatherSelectors { Container = ".weather" },
            Categories = ["지역"],
        },
        new SourceDefinition
        {
            Id = RegionId,
            Name = "경기 지역 뉴스",
            Schedule = "0 0 * * * ?",
            Language = "ko",
            StartUrls = [new Uri("https://news.gyeonggi.example/list")],
        },
    ];

    /// <summary>A topic the release and its copy from the other source both match (one story).</summary>
    public static IReadOnlyList<TopicDefinition> Topics { get; } =
        [new TopicDefinition { Id = "gov-event", Name = "전자정부의 날", Any = ["전자정부의 날"], Fields = ["title"] }];

    public static string Html(IEnumerable<string> paragraphs) =>
        string.Concat(paragraphs.Select(p => "<p>" + WebUtility.HtmlEncode(p) + "</p>"));

    public static StoredArticle Mois() => new()
    {
        Id = MoisId.ToString(),
        SourceId = PortalId,
        FirstSeen = new DateTimeOffset(2025, 11, 8, 10, 20, 0, Kst),
        Categories = ["IT/과학", "지역"],
        RelatedLinks = [new Uri("https://news.gyeonggi.example/article/7781")],
        Article = new Article
        {
            Url = new Uri("https://www.portalnews.example/news/articleView.html?idxno=1001"),
            Title = "행정안전부, '제8회 전자정부의 날' 기념행사 개최, AI시대 공공AX 본격화 논의",
            Subtitle = "6월 25일 정부세종컨벤션센터에서 ‘제8회 전자정부의 날’ 기념행사 개최",
            Author = "포탈뉴스통신 편집부",
            Published = new DateTimeOffset(2025, 11, 8, 10, 12, 0, Kst),
            Category = "IT/과학",
            BodyHtml = Html(MoisParagraphs),
            BodyText = string.Join("\n\n", MoisParagraphs),
            LeadImage = new Uri("https://www.portalnews.example/news/photo/202511/1001_2001_1012.jpg"),
            Origin = "행정안전부",
            Language = "ko",
        },
    };

    public static StoredArticle Politics() => Simple(PoliticsId, PortalId, "정치", "국회, 지방자치단체 재정 분권 특별법 상임위 통과",
        "국회 행정안전위원회는 8일 전체회의를 열고 지방자치단체 재정 분권 특별법 개정안을 의결했다.",
        new DateTimeOffset(2025, 11, 8, 8, 5, 0, Kst), "https://www.portalnews.example/news/articleView.html?idxno=1002");

    public static StoredArticle Society() => Simple(SocietyId, RegionId, "사회", "경기도, 겨울철 한파 대비 취약계층 안전망 점검",
        "경기도는 다가오는 겨울철 한파에 대비해 취약계층 보호시설 1,200곳을 일제 점검한다고 밝혔다.",
        new DateTimeOffset(2025, 11, 7, 17, 40, 0, Kst), "https://news.gyeonggi.example/article/7790");

    /// <summary>An article whose page gave no date: feeds must show its first-seen time.</summary>
    public static StoredArticle Undated() => Simple(UndatedId, PortalId, "경제핫이슈", "소상공인 디지털 전환 지원사업 2차 모집",
        "중소벤처기업부는 소상공인 디지털 전환 지원사업 2차 참여 기업을 모집한다.", null,
        "https://www.portalnews.example/news/articleView.html?idxno=1003") with { FirstSeen = UndatedFirstSeen };

    /// <summary>The regional site's copy of the MOIS release: a near-duplicate the combined feed shows once.</summary>
    public static StoredArticle Copy() => Simple(CopyId, RegionId, "IT/과학", "행안부, 제8회 전자정부의 날 기념행사… 공공 AX 본격화",
        MoisParagraphs[0].Replace("(포탈뉴스통신) ", "", StringComparison.Ordinal), new DateTimeOffset(2025, 11, 8, 11, 0, 0, Kst),
        "https://news.gyeonggi.example/article/7781") with { NearDuplicateOf = MoisId.ToString() };

    public static StoredWeather Weather(string id, DateOnly date, DateTimeOffset seenAt, string sourceId = PortalId) =>
        new(id, sourceId, new WeatherSnapshot { Provider = "기상청", ObservedOn = date, Readings = SeedReadings }, seenAt);

    public static StoredWeather SeedWeather() =>
        Weather("7d1a4c1e-0b7e-4a51-8f65-6c0f3b2d9a11", new DateOnly(2025, 11, 8), new DateTimeOffset(2025, 11, 8, 6, 0, 0, Kst));

    public static StoredWeather EarlierWeather() =>
        Weather("7d1a4c1e-0b7e-4a51-8f65-6c0f3b2d9a10", new DateOnly(2025, 11, 7), new DateTimeOffset(2025, 11, 7, 6, 0, 0, Kst));

    /// <summary>Everything a hostile or broken page could put in an article at once.</summary>
    public static StoredArticle Adversarial()
    {
        var body = new StringBuilder();
        body.Append("<p>정상 문단 😀 עברית مرحبا</p>");
        body.Append("<script>alert('x')</script><img src=\"https://evil.example/a.png\" onerror=\"alert(1)\">");
        body.Append("<iframe src=\"https://evil.example/\"></iframe><a href=\"javascript:alert(2)\">클릭</a>");
        body.Append("<p>CDATA 끝 ]]> 그리고 제어문자 \u0001\u0008\u000B\u001F 끝</p>");
        while (body.Length < 220_000)
        {
            body.Append("<p>").Append(WebUtility.HtmlEncode(string.Join(' ', MoisParagraphs))).Append("</p>");
        }

        return new StoredArticle
        {
            Id = "5b0b5a0c-7f51-4d56-9a8e-2c3f1d6b9eff",
            SourceId = PortalId,
            FirstSeen = new DateTimeOffset(2025, 11, 8, 12, 0, 0, Kst),
            Categories = ["IT/과학"],
            Article = new Article
            {
                Url = new Uri("https://www.portalnews.example/news/articleView.html?idxno=6666"),
                Title = "<b>굵은</b> 제목 ]]> \u0002 😀 שלום عربي & \"인용\"",
                Author = "기자 <script>x</script>",
                Category = "IT/과학",
                Summary = "요약 ]]> \u0003 <script>alert(3)</script>",
                BodyHtml = body.ToString(),
                BodyText = "정상 문단 😀 עברית مرحبا",
                LeadImage = new Uri("https://www.portalnews.example/photo/6666.png"),
                Language = "ko",
            },
        };
    }

    public static InMemoryFeedStore Store()
    {
        var store = new InMemoryFeedStore();
        foreach (var article in new[] { Mois(), Politics(), Society(), Undated(), Copy() })
        {
            store.Add(article);
        }

        store.Add(SeedWeather());
        store.Add(EarlierWeather());
        store.Add(new SourceStatus
        {
            SourceId = PortalId,
            LastRun = new DateTimeOffset(2025, 11, 8, 12, 0, 0, Kst),
            LastSuccess = new DateTimeOffset(2025, 11, 8, 12, 0, 0, Kst),
            ArticlesLast24h = 3,
            TotalArticles = 128,
        });
        store.Add(new SourceStatus
        {
            SourceId = RegionId,
            LastRun = new DateTimeOffset(2025, 11, 8, 12, 0, 0, Kst),
            LastSuccess = new DateTimeOffset(2025, 11, 8, 9, 0, 0, Kst),
            LastErrorAt = new DateTimeOffset(2025, 11, 8, 12, 0, 0, Kst),
            LastError = "HTTP 503 from news.gyeonggi.example",
            ConsecutiveFailures = 2,
            ArticlesLast24h = 2,
            TotalArticles = 57,
        });
        return store;
    }

    private static StoredArticle Simple(Guid id, string sourceId, string category, string title, string text, DateTimeOffset? published, string url) => new()
    {
        Id = id.ToString(),
        SourceId = sourceId,
        FirstSeen = published ?? UndatedFirstSeen,
        Categories = [category],
        Article = new Article
        {
            Url = new Uri(url),
            Title = title,
            Published = published,
            Category = category,
            BodyHtml = Html([text]),
            BodyText = text,
            Language = "ko",
        },
    };
}
