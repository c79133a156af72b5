using NewsFeedWorker.Parsing;

namespace NewsFeedWorker.IntegrationTests.Storage;

/// <summary>Test data for the store: articles, a press release as two outlets re-publish it, weather.</summary>
internal static class Some
{
    public static readonly DateTimeOffset Start = new(2026, 11, 8, 9, 0, 0, TimeSpan.Zero);

    private static int Counter;

    public static Article Article(string? url = null, string? title = null, string? body = null, string? category = "IT/과학", DateTimeOffset? published = null)
    {
        var n = Interlocked.Increment(ref Counter);
        var text = body ?? $"기사 {n}의 본문입니다. 이 문장은 기사마다 달라서 서로 비슷하지 않습니다. 번호 {n * 7919}.";
        return new Article
        {
            Url = new Uri(url ?? $"https://news.example.kr/news/articleView.html?idxno={n}"),
            Title = title ?? $"기사 제목 {n}",
            Subtitle = "부제목",
            Author = "김민수 기자",
            Published = published ?? new DateTimeOffset(2026, 11, 8, 10, 30, 0, TimeSpan.FromHours(9)),
            Category = category,
            Summary = text.Length > 40 ? text[..40] : text,
            BodyHtml = string.Concat(text.Split("\n\n").Select(p => $"<p>{p}</p>")),
            BodyText = text,
            LeadImage = new Uri("https://news.example.kr/photo/1.jpg"),
            Images = [new Uri("https://news.example.kr/photo/1.jpg")],
            Origin = "행정안전부",
            Language = "ko",
            Methods = new Dictionary<string, ExtractionMethod> { ["title"] = ExtractionMethod.Selector, ["published"] = ExtractionMethod.Meta },
        };
    }

    public static WeatherSnapshot Weather(DateOnly? observedOn, params decimal[] temperatures) => new()
    {
        Provider = "기상청",
        ObservedOn = observedOn,
        Readings = [.. temperatures.Select((t, i) => new WeatherReading(Stations[i % Stations.Length], i % 4 == 3 ? null : "흐림", t))],
    };

    private static readonly string[] Stations = ["서울", "부산", "대구", "인천", "광주", "대전", "울산", "세종"];

    /// <summary>The substance of a ministry press release, as every outlet receives it.</summary>
    public const string ReleaseBody =
        """
        행정안전부는 지방자치단체의 디지털 정부 혁신 성과를 공유하고 확산하기 위해 '2026년 지방자치단체 디지털 정부 혁신 우수사례' 12건을 선정했다고 8일 밝혔다.

        이번 공모에는 전국 243개 지방자치단체 가운데 187개 기관이 참여해 모두 412건의 사례를 제출했으며, 서면 심사와 현장 실사, 국민 온라인 투표를 거쳐 최종 우수사례가 가려졌다.

        대상은 인공지능을 활용해 민원 서류를 자동으로 분류하고 처리 기간을 평균 나흘에서 하루로 줄인 경기도 수원시의 '지능형 민원 처리 시스템'이 차지했다. 최우수상에는 어르신 돌봄 대상자의 전력 사용 패턴을 분석해 이상 징후를 알리는 전라남도 순천시의 '스마트 안부 확인 서비스'와 공공데이터를 개방해 지역 상권 분석을 지원한 부산광역시 해운대구의 사례가 선정됐다.

        행정안전부는 선정된 기관에 특별교부세 등 모두 30억 원의 재정 인센티브를 지원하고, 우수사례를 다른 지방자치단체가 쉽게 도입할 수 있도록 표준 모델로 만들어 보급할 계획이다.

        아울러 다음 달 세종정부청사에서 성과 공유 대회를 열어 우수사례 담당 공무원들이 직접 추진 과정과 성과를 발표하고, 도입을 희망하는 기관을 대상으로 맞춤형 컨설팅도 제공한다.

        행정안전부 디지털정부혁신실장은 "현장의 작은 혁신이 국민이 체감하는 큰 변화로 이어질 수 있도록 우수사례의 확산을 적극 지원하겠다"며 "앞으로도 지방자치단체와 긴밀히 협력해 국민 중심의 디지털 정부를 만들어 가겠다"고 말했다.
        """;

    /// <summary>The release as a regional outlet runs it: dateline, credit, copyright line.</summary>
    public static Article ReleaseOnPortalNews() => Article(
        url: "https://www.portalnews.example.kr/news/articleView.html?idxno=130411",
        title: "행정안전부, 2026년 지방자치단체 디지털 정부 혁신 우수사례 12건 선정",
        body: "(포탈뉴스통신) " + ReleaseBody + "\n\n[뉴스출처 : 행정안전부]\n\n<저작권자 ⓒ 포탈뉴스통신, 무단 전재 및 재배포 금지>");

    /// <summary>The same release on a wire service: another dateline and title, a byline, an e-mail, another copyright.</summary>
    public static Article ReleaseOnNewsWire() => Article(
        url: "https://www.newswire.example.com/news/20261108000231?utm_source=naver&utm_medium=referral",
        title: "행안부, 지자체 디지털 정부 혁신 우수사례 12건 선정",
        body: "[세종=뉴스와이어] 이지현 기자 = " + ReleaseBody + "\n\n이지현 기자 jh.lee@newswire.example.com\n\nⓒ 뉴스와이어 All rights reserved. 무단전재·재배포 및 AI학습 이용 금지");

    /// <summary>A long footer that one outlet puts under every article (subscription and tip-off notice).</summary>
    public const string LongFooter =
        """
        포탈뉴스통신은 독자 여러분의 소중한 제보를 기다립니다. 사건 사고, 지역 소식, 생활 속 불편 사항 등 어떤 이야기든 전화와 카카오톡, 누리집 제보 게시판을 통해 알려 주시면 기자가 직접 확인해 보도하겠습니다. 제보해 주신 분의 신원은 철저히 보호되며 채택된 제보에는 소정의 사례를 드립니다. 또한 매일 아침 주요 뉴스를 받아 보실 수 있는 뉴스레터 구독 신청도 누리집에서 하실 수 있습니다. 지역 언론의 건강한 발전을 위한 후원에도 많은 관심과 참여를 부탁드립니다.
        """;

    public static Article FarmingNewsWithFooter(string url) => Article(
        url: url,
        title: "전남 쌀 수확량 작년보다 6% 늘어",
        body: "전라남도는 올해 도내 쌀 수확량이 지난해보다 6% 늘어난 78만 톤으로 집계됐다고 밝혔다. 모내기 이후 일조량이 충분했고 태풍 피해가 적었던 덕분이다. 도는 늘어난 물량이 가격 하락으로 이어지지 않도록 공공비축미 매입을 앞당기고 가공용 쌀 수요를 넓히기로 했다. 농민 단체는 생산비 상승을 고려한 수매가 인상을 요구했다.\n\n" + LongFooter);

    public static Article TransitNewsWithFooter(string url) => Article(
        url: url,
        title: "광주 도시철도 2호선 1단계 내년 개통",
        body: "광주광역시는 도시철도 2호선 1단계 구간 공사가 마무리 단계에 들어서 내년 하반기 개통을 목표로 시운전에 들어간다고 밝혔다. 1단계 구간은 시청에서 광주역까지 17킬로미터로 정거장 20곳이 들어선다. 시는 개통에 맞춰 버스 노선을 개편하고 환승 할인을 확대할 계획이다. 시민들은 출퇴근 시간이 크게 줄어들 것으로 기대하고 있다.\n\n" + LongFooter);
}
