using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Tests.Sources;

public sealed class TopicValidatorTests
{
    private static string File(string topics, string sourceExtra = "") =>
        $$"""{ "sources": [ { {{Some.MinimalSource}} {{sourceExtra}} } ], "topics": [ {{topics}} ] }""";

    private static SourcesFileException Rejects(string json) =>
        Assert.Throws<SourcesFileException>(() => SourcesFileLoader.ParseFile(json, "sources.json"));

    [Fact]
    public void The_issue_s_example_topic_loads_with_every_key()
    {
        var file = SourcesFileLoader.ParseFile(File("""
            { "id": "gov-ai", "name": "정부 AI 소식",
              "any": ["행정안전부", "과기정통부"], "all": ["AI"], "none": ["광고"],
              "regex": [], "fields": ["title", "body"], "sources": [],
              "alerts": [ { "webhook": "https://example.org/hook", "secret": "${NFW_HOOK_SECRET}" },
                          { "ntfy": "https://ntfy.example.org/news" } ] }
            """), "sources.json");

        var topic = Assert.Single(file.Topics);
        Assert.Equal("gov-ai", topic.Id);
        Assert.Equal(["행정안전부", "과기정통부"], topic.Any);
        Assert.Equal(["title", "body"], topic.Fields);
        Assert.Equal(["webhook", "ntfy"], topic.Alerts.Select(a => a.Kind));
        Assert.Equal("${NFW_HOOK_SECRET}", topic.Alerts[0].Secret);
        Assert.False(topic.AlertOnCorrections);
    }

    [Fact]
    public void A_topic_with_alerts_may_ask_for_updated_alerts_on_corrections()
    {
        var file = SourcesFileLoader.ParseFile(File(
            """{ "id": "t", "name": "T", "any": ["x"], "alertOnCorrections": true, "alerts": [ { "ntfy": "https://n.example/t" } ] }"""), "sources.json");

        Assert.True(Assert.Single(file.Topics).AlertOnCorrections);
    }

    [Fact]
    public void A_file_without_topics_has_none()
    {
        Assert.Empty(SourcesFileLoader.ParseFile(Some.SourcesJson(Some.MinimalSource), "sources.json").Topics);
    }

    [Fact]
    public void A_source_exclude_rule_loads()
    {
        var file = SourcesFileLoader.ParseFile(File("""{ "id": "t", "name": "T", "any": ["x"] }""", """, "exclude": { "any": ["[포토]"] }"""), "sources.json");

        Assert.Equal(["[포토]"], Assert.Single(file.Sources).Exclude!.Any);
    }

    [Theory]
    [InlineData("""{ "id": "t", "name": "T", "any": ["x"], "keywords": ["y"] }""", "topic \"t\", unknown key \"keywords\"")]
    [InlineData("""{ "id": "Bad Id", "name": "T", "any": ["x"] }""", "topic \"Bad Id\", key \"id\": \"Bad Id\" is not a topic id")]
    [InlineData("""{ "id": "t", "name": "T" }""", "topic \"t\", a topic needs at least one of \"any\", \"all\", \"regex\" or \"sources\"")]
    [InlineData("""{ "id": "t", "name": "T", "any": [""] }""", "topic \"t\", key \"any[0]\": a keyword must not be empty.")]
    [InlineData("""{ "id": "t", "name": "T", "regex": ["(unclosed"] }""", "topic \"t\", key \"regex[0]\": \"(unclosed\" is not a valid regular expression.")]
    [InlineData("""{ "id": "t", "name": "T", "any": ["x"], "fields": ["titel"] }""", "topic \"t\", key \"fields[0]\": \"titel\" is not a field")]
    [InlineData("""{ "id": "t", "name": "T", "sources": ["nowhere"] }""", "topic \"t\", key \"sources[0]\": \"nowhere\" is not the id of a source in this file.")]
    [InlineData("""{ "id": "t", "name": "T", "any": ["x"], "alerts": [ { "webhook": "ftp://x.example/" } ] }""", "topic \"t\", key \"alerts[0].webhook\": \"ftp://x.example/\" is not an absolute http:// or https:// URL.")]
    [InlineData("""{ "id": "t", "name": "T", "any": ["x"], "alerts": [ { "webhook": "https://x.example/", "ntfy": "https://n.example/t" } ] }""", "topic \"t\", key \"alerts[0]\": give exactly one of")]
    [InlineData("""{ "id": "t", "name": "T", "any": ["x"], "alerts": [ { "ntfy": "https://ntfy.example/" } ] }""", "key \"alerts[0].ntfy\": \"https://ntfy.example/\" names no topic")]
    [InlineData("""{ "id": "t", "name": "T", "any": ["x"], "alerts": [ { "email": "not an address" } ] }""", "key \"alerts[0].email\": \"not an address\" is not an e-mail address.")]
    [InlineData("""{ "id": "t", "name": "T", "any": ["x"], "alerts": [ { "ntfy": "https://n.example/t", "secret": "s" } ] }""", "key \"alerts[0].secret\": only a webhook is signed")]
    [InlineData("""{ "id": "t", "name": "T", "any": ["x"], "alerts": [ { "webhook": "https://x.example/", "secret": "${NOT A NAME}" } ] }""", "key \"alerts[0].secret\": \"${NOT A NAME}\" is neither a secret nor a reference")]
    [InlineData("""{ "id": "t", "name": "T", "any": ["x"], "alerts": [ { "webhok": "https://x.example/" } ] }""", "topic \"t\", unknown key \"alerts[0].webhok\"")]
    [InlineData("""{ "id": "t", "name": "T", "any": ["x"] }, { "id": "t", "name": "U", "any": ["y"] }""", "topic \"t\", key \"id\": duplicate id, used by 2 topics")]
    [InlineData("""{ "id": "t", "name": "T", "any": ["x"], "alertOnCorrections": true }""", "topic \"t\", key \"alertOnCorrections\": the topic has no \"alerts\"")]
    [InlineData("""{ "id": "t", "name": "T", "any": ["x"], "alertOnCorrections": "yes", "alerts": [ { "ntfy": "https://n.example/t" } ] }""", "topic \"t\", key \"alertOnCorrections\"")]
    [InlineData("""["x"]""", "topic #1 (no id): expected an object")]
    public void An_invalid_topic_is_rejected_with_a_message_naming_the_topic_and_the_key(string topics, string expected)
    {
        var error = Rejects(File(topics));

        Assert.Contains(expected, error.Message);
        Assert.StartsWith("sources.json: ", error.Message);
    }

    [Theory]
    [InlineData("""{ "none": ["x"] }""", "source \"alpha\", key \"exclude\": give at least one of")]
    [InlineData("""{ "any": ["x"], "fields": ["bodytext"] }""", "source \"alpha\", key \"exclude.fields[0]\": \"bodytext\" is not a field")]
    [InlineData("""{ "any": ["x"], "sources": ["alpha"] }""", "source \"alpha\", unknown key \"exclude.sources\"")]
    public void An_invalid_exclude_rule_is_rejected_naming_the_source_and_key(string exclude, string expected)
    {
        var error = Rejects(Some.SourcesJson(Some.MinimalSource + ", \"exclude\": " + exclude));

        Assert.Contains(expected, error.Message);
    }
}
