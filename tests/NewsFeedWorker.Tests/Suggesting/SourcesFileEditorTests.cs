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

    private static string Indent(string indent) => Block.Replace("\n", "\n" + indent, StringComparison.Ordinal);
}
