using System.Text;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Sources;
using NewsFeedWorker.Storage;
using NewsFeedWorker.Topics;

namespace NewsFeedWorker.Tests.Topics;

public sealed class ArticleMatcherTests
{
    private static StoredArticle Stored(string title, string body = "본문", string source = "alpha", string? origin = null, string? author = null) => new()
    {
        Id = Guid.NewGuid().ToString(),
        SourceId = source,
        FirstSeen = DateTimeOffset.UnixEpoch,
        Article = new Article
        {
            Url = new Uri("https://news.example/1"),
            Title = title,
            BodyHtml = $"<p>{body}</p>",
            BodyText = body,
            Origin = origin,
            Author = author,
        },
    };

    private static TopicDefinition Topic(
        string[]? any = null, string[]? all = null, string[]? none = null, string[]? regex = null, string[]? fields = null, string[]? sources = null) => new()
    {
        Id = "t",
        Name = "T",
        Any = any ?? [],
        All = all ?? [],
        None = none ?? [],
        Regex = regex ?? [],
        Fields = fields ?? [],
        Sources = sources ?? [],
    };

    [Fact]
    public void The_issue_s_topic_matches_a_ministry_story_about_AI_with_a_particle()
    {
        var topic = Topic(any: ["행정안전부", "과기정통부"], all: ["AI"], none: ["광고"], fields: ["title", "body"]);

        var match = ArticleMatcher.Explain(topic, Stored("행정안전부는 AI 민원 서비스를 확대한다"));

        Assert.NotNull(match);
        Assert.Equal(["all: AI", "any: 행정안전부"], match.Hits.Select(h => h.Rule));
        Assert.Equal(new RuleHit("any: 행정안전부", "title", 0, 5), match.Hits[1]);
    }

    [Fact]
    public void A_none_keyword_anywhere_in_the_fields_rejects_the_article()
    {
        var topic = Topic(any: ["행정안전부"], none: ["광고"]);

        Assert.False(ArticleMatcher.Matches(topic, Stored("행정안전부 소식", body: "이 기사는 광고입니다")));
    }

    [Fact]
    public void An_all_keyword_that_is_missing_rejects_the_article()
    {
        Assert.False(ArticleMatcher.Matches(Topic(any: ["행정안전부"], all: ["AI"]), Stored("행정안전부 소식")));
    }

    [Fact]
    public void Fields_limit_where_keywords_are_looked_for()
    {
        var article = Stored("날씨", body: "행정안전부가 발표했다");

        Assert.False(ArticleMatcher.Matches(Topic(any: ["행정안전부"], fields: ["title"]), article));
        Assert.True(ArticleMatcher.Matches(Topic(any: ["행정안전부"], fields: ["body"]), article));
    }

    [Fact]
    public void The_origin_credit_author_and_source_id_are_fields()
    {
        var article = Stored("보도자료", source: "portalnews", origin: "행정안전부", author: "홍길동 기자");

        Assert.Equal("origin", ArticleMatcher.Explain(Topic(any: ["행정안전부"]), article)!.Hits[0].Field);
        Assert.Equal("author", ArticleMatcher.Explain(Topic(any: ["홍길동"]), article)!.Hits[0].Field);
        Assert.Equal("source", ArticleMatcher.Explain(Topic(any: ["portalnews"]), article)!.Hits[0].Field);
    }

    [Fact]
    public void A_topic_limited_to_sources_ignores_other_sources()
    {
        var topic = Topic(any: ["AI"], sources: ["beta"]);

        Assert.False(ArticleMatcher.Matches(topic, Stored("AI 소식", source: "alpha")));
        Assert.True(ArticleMatcher.Matches(topic, Stored("AI 소식", source: "beta")));
    }

    [Fact]
    public void A_regex_matches_case_insensitively_and_reports_the_span()
    {
        var match = ArticleMatcher.Explain(Topic(regex: [@"gpt-\d+"]), Stored("새 GPT-5 공개"));

        Assert.Equal(new RuleHit(@"regex: gpt-\d+", "title", 2, 5), Assert.Single(match!.Hits));
    }

    [Fact]
    public void A_regex_that_runs_out_of_time_is_no_match()
    {
        // A back-reference needs the backtracking engine, which runs with a timeout; this input explodes it.
        var topic = Topic(regex: [@"^(\w+\s?)*(\1)$"]);

        Assert.False(ArticleMatcher.Matches(topic, Stored(new string('a', 5000) + "!")));
    }

    [Fact]
    public void Decomposed_Hangul_in_a_page_matches_a_composed_keyword()
    {
        var decomposed = "행정안전부는".Normalize(NormalizationForm.FormD);

        Assert.True(ArticleMatcher.Matches(Topic(any: ["행정안전부"]), Stored(decomposed)));
    }

    [Fact]
    public void A_source_exclude_rule_drops_photo_items_only()
    {
        var source = Some.Source() with { Exclude = new MatchConditions { Any = ["[포토]"] } };

        Assert.True(ArticleMatcher.Excluded(source, Stored("[포토] 가을 풍경")));
        Assert.False(ArticleMatcher.Excluded(source, Stored("가을 풍경 사진전 열려")));
        Assert.False(ArticleMatcher.Excluded(Some.Source(), Stored("[포토] 가을 풍경")));
    }
}
