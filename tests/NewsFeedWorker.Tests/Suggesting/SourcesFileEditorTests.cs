using NewsFeedWorker.Sources;
using NewsFeedWorker.Suggesting;

namespace NewsFeedWorker.Tests.Suggesting;

public sealed class SourcesFileEditorTests
{
    private const string Block = "{\n  \"id\": \"added\",\n  \"name\": \"Added\",\n  \"schedule\": \"0 */15 * * * ?\",\n  \"startUrls\": [ \"https://added.example/\" ]\n}";

    private const string File = """
        // The sites we follow.
        {
          "sources": [
            {
              "id": "first", // the first one
              "name": "First ] [ tricky",
              "schedule": "0 0 * * * ?",
              "startUrls": [ "https://first.example/" ]
            }
            /* more to come */
          ]
        }
        """;

    [Fact]
    public void The_source_is_added_after_the_last_one_with_every_comment_kept()
    {
        var updated = SourcesFileEditor.Add(File, Indent);

        var sources = SourcesFileLoader.Parse(updated, "sources.json");
        Assert.Equal(["first", "added"], sources.Select(s => s.Id));
        Assert.Contains("// The sites we follow.", updated, StringComparison.Ordinal);
        Assert.Contains("\"id\": \"first\", // the first one", updated, StringComparison.Ordinal);
        Assert.Contains("/* more to come */", updated, StringComparison.Ordinal);
        Assert.StartsWith(File[..File.IndexOf("    }", StringComparison.Ordinal)], updated, StringComparison.Ordinal);
    }

    [Fact]
    public void A_trailing_comma_is_not_doubled()
    {
        var updated = SourcesFileEditor.Add(File.Replace("    }\n    /*", "    },\n    /*", StringComparison.Ordinal), Indent);

        Assert.Equal(2, SourcesFileLoader.Parse(updated, "sources.json").Count);
        Assert.DoesNotContain(",,", updated, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_list_gets_the_source_as_its_only_entry()
    {
        var updated = SourcesFileEditor.Add("{ \"sources\": [] }", Indent);

        Assert.Equal("added", Assert.Single(SourcesFileLoader.Parse(updated, "sources.json")).Id);
    }

    [Fact]
    public void A_file_without_a_sources_list_is_refused()
        => Assert.Throws<FormatException>(() => SourcesFileEditor.Add("{ \"other\": [] }", Indent));

    private const string Configured = """
        // The sites we follow.
        {
          "sources": [
            {
              "id": "first",
              "name": "First",
              "schedule": "0 0 * * * ?", // every hour
              "timeZone": "Europe/Berlin",
              "startUrls": [ "https://first.example/" ],
              "articleLinks": {
                "selector": "h4.titles a",
                "nextPage": ".pagination a.next", // the arrow
                "maxPages": 3
              },
              "selectors": {
                "title": "h3.heading", // broken since the reskin
                "subtitle": "h4.subheading",
                "body": "#article"
              },
              "politeness": { "delay": "00:00:05" }
            },
            {
              "id": "second",
              "name": "Second",
              "schedule": "0 0 * * * ?",
              "startUrls": [ "https://second.example/" ],
              "selectors": { "title": "h3.heading" }
            }
          ]
        }
        """;

    /// <summary>What suggest writes for the repair of "first" (its own schedule, zone and start URL kept), at the given indent.</summary>
    private static string Repair(string indent) => string.Join("\n" + indent, """
        {
          "id": "first",
          "name": "First",
          "schedule": "0 0 * * * ?",
          "timeZone": "Europe/Berlin",
          "startUrls": [ "https://first.example/" ],
          "articleLinks": {
            "selector": "h2.list a",
            "urlPattern": "/news/\\d+$"
          },
          "selectors": {
            "title": "h2.headline",
            "body": "#article"
            // subtitle left out: it matched nothing on 2 of 3 pages
          },
          "dateFormats": [ "yyyy.MM.dd HH:mm" ]
        }
        """.Split('\n'));

    private static readonly string[] RepairedKeys = ["articleLinks.selector", "articleLinks.urlPattern", "articleLinks.nextPage", "selectors", "dateFormats"];

    [Fact]
    public void A_repair_replaces_the_sources_selectors_in_place_and_keeps_everything_else()
    {
        var updated = SourcesFileEditor.Replace(Configured, "first", Repair, RepairedKeys);

        var sources = SourcesFileLoader.Parse(updated, "sources.json");
        var first = sources[0];
        Assert.Equal(("h2.headline", null, "#article"), (first.Selectors!.Title, first.Selectors.Subtitle, first.Selectors.Body));
        Assert.Equal(("h2.list a", "/news/\\d+$", null, 3), (first.ArticleLinks.Selector, first.ArticleLinks.UrlPattern, first.ArticleLinks.NextPage, first.ArticleLinks.MaxPages));
        Assert.Equal(["yyyy.MM.dd HH:mm"], first.DateFormats);
        Assert.Equal(("0 0 * * * ?", "Europe/Berlin", TimeSpan.FromSeconds(5)), (first.Schedule, first.TimeZone, first.Politeness.Delay));
        Assert.Equal("h3.heading", sources[1].Selectors!.Title);
        Assert.Contains("// The sites we follow.", updated, StringComparison.Ordinal);
        Assert.Contains("\"schedule\": \"0 0 * * * ?\", // every hour", updated, StringComparison.Ordinal);
        Assert.Contains("// subtitle left out: it matched nothing on 2 of 3 pages", updated, StringComparison.Ordinal);
        Assert.DoesNotContain("// the arrow", updated, StringComparison.Ordinal);
        Assert.DoesNotContain("broken since the reskin", updated, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repaired_source_reads_as_the_file_would_be_written_by_hand()
    {
        var updated = SourcesFileEditor.Replace(Configured, "first", Repair, RepairedKeys);

        Assert.Equal("""
            // The sites we follow.
            {
              "sources": [
                {
                  "id": "first",
                  "name": "First",
                  "schedule": "0 0 * * * ?", // every hour
                  "timeZone": "Europe/Berlin",
                  "startUrls": [ "https://first.example/" ],
                  "articleLinks": {
                    "selector": "h2.list a",
                    "maxPages": 3,
                    "urlPattern": "/news/\\d+$"
                  },
                  "selectors": {
                    "title": "h2.headline",
                    "body": "#article"
                    // subtitle left out: it matched nothing on 2 of 3 pages
                  },
                  "politeness": { "delay": "00:00:05" },
                  "dateFormats": [ "yyyy.MM.dd HH:mm" ]
                },
                {
                  "id": "second",
                  "name": "Second",
                  "schedule": "0 0 * * * ?",
                  "startUrls": [ "https://second.example/" ],
                  "selectors": { "title": "h3.heading" }
                }
              ]
            }
            """, updated);
    }

    [Fact]
    public void A_repair_adds_the_link_rules_to_a_source_that_had_none()
    {
        var updated = SourcesFileEditor.Replace(Configured, "second", indent => Repair(indent).Replace("\"first\"", "\"second\"", StringComparison.Ordinal), RepairedKeys);

        var second = SourcesFileLoader.Parse(updated, "sources.json")[1];
        Assert.Equal(("h2.list a", "/news/\\d+$", "h2.headline"), (second.ArticleLinks.Selector, second.ArticleLinks.UrlPattern, second.Selectors!.Title));
        Assert.Equal("h3.heading", SourcesFileLoader.Parse(updated, "sources.json")[0].Selectors!.Title);
    }

    [Fact]
    public void A_repair_of_a_source_the_file_does_not_have_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => SourcesFileEditor.Replace(Configured, "third", Repair, RepairedKeys));

        Assert.Equal("no source \"third\" in the sources list", error.Message);
    }

    private static string Indent(string indent) => Block.Replace("\n", "\n" + indent, StringComparison.Ordinal);
}
