using System.Text;
using NewsFeedWorker.Parsing;

namespace NewsFeedWorker.Tests.Parsing;

/// <summary>
/// Hand-written pages that render on the client: the server HTML holds no body, the article sits only in script pushes
/// (React-Query streamed hydration, a <c>(window["X"] = window["X"] || []).push</c> state, the Next.js flight stream with
/// the body in a text row) or in Nuxt's index-encoded payload. Each must still give the title, date, author and body written by hand next to it.
/// </summary>
public sealed class StreamedHydrationPagesTests
{
    private static readonly PageParser Parser = new();

    [Theory]
    [InlineData("korean-react-query-push", "경기도, 저상버스 비율 절반 이상으로 높인다", "김민수", "2025-11-08T09:30:00+09:00")]
    [InlineData("english-next-flight", "Harbour authority approves sea wall rebuild before winter", "Tom Reed", "2025-11-04T16:20:00+00:00")]
    [InlineData("spanish-window-push", "El ayuntamiento renovará las bibliotecas de barrio", "Lucía Fernández", "2025-10-20T08:15:00+02:00")]
    [InlineData("german-nuxt-payload", "Stadtrat beschließt Verlängerung der Straßenbahnlinie 4", "Jonas Becker", "2025-10-28T18:45:00+01:00")]
    public void A_page_whose_article_is_only_in_script_pushes_gives_title_author_date_and_body(string page, string title, string author, string published)
    {
        var article = Parse(page);

        Assert.Equal(title, article.Title);
        Assert.Equal(author, article.Author);
        Assert.Equal(DateTimeOffset.Parse(published, System.Globalization.CultureInfo.InvariantCulture), article.Published);
        Assert.Equal(Words(Expected(page)), Words(article.BodyText));
    }

    [Theory]
    [InlineData("korean-react-query-push", "많이 본 기사")]
    [InlineData("korean-react-query-push", "불러오는 중")]
    [InlineData("english-next-flight", "Ferry timetable")]
    [InlineData("english-next-flight", "Comments are closed")]
    [InlineData("german-nuxt-payload", "Neue Radwege")]
    [InlineData("german-nuxt-payload", "Wird geladen")]
    public void Other_objects_in_the_same_data_stay_out_of_the_body(string page, string furniture)
    {
        Assert.DoesNotContain(furniture, Parse(page).BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public void The_korean_page_keeps_its_subtitle_and_paragraphs()
    {
        var article = Parse("korean-react-query-push");

        Assert.Equal("교통약자 이동편의 증진 계획 발표", article.Subtitle);
        Assert.Equal(4, CountOf("<p>", article.BodyHtml));
    }

    private static Article Parse(string page)
    {
        var html = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "StreamedHydration", page + ".html"));
        var result = Parser.Parse(html, Encoding.UTF8, new Uri($"https://news.example.org/article/{page}"), Some.Source(), Some.FetchedAt);
        Assert.Null(result.Failure);
        return Assert.IsType<Article>(result.Article);
    }

    private static string Expected(string page)
        => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "StreamedHydration", page + ".expected.txt"));

    private static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static int CountOf(string part, string text) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
