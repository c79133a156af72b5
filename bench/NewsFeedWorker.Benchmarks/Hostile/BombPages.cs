using System.Text;

namespace NewsFeedWorker.Benchmarks.Hostile;

/// <summary>The markup bombs of a hostile site, each under the 5 MiB body cap, and the same shapes just under the guard's limits.</summary>
internal static class BombPages
{
    public static IEnumerable<(string Name, byte[] Body)> All()
    {
        yield return ("1,000,000 sibling <p>", Page(Repeat("<p>x", 1_000_000)));
        yield return ("95,000 sibling <p> (under the element limit)", Page(Repeat("<p>x", 95_000)));
        yield return ("100,000 nested <div>", Page(Repeat("<div>", 100_000) + "x"));
        yield return ("900 nested <div> (under the depth limit)", Page(Repeat("<div>", 900) + "x"));
        yield return ("<b><i><u> x 30,000", Page(Repeat("<b><i><u>", 30_000) + "x"));
        yield return ("<b><i><u> x 330 (under the depth limit)", Page(Repeat("<b><i><u>", 330) + "x"));
        yield return ("class with 150,000 names", Page("<div class=\"" + string.Join(' ', Enumerable.Range(0, 150_000).Select(i => $"c{i}")) + "\">x</div>"));
        yield return ("class with 1,900 names x 70 elements (under the word limit)",
            Page(Repeat("<div class=\"" + string.Join(' ', Enumerable.Range(0, 1_900).Select(i => $"c{i}")) + "\"><p>문단 내용입니다. 기사 본문입니다.</p></div>", 70)));
    }

    private static string Repeat(string text, int times) => new StringBuilder(text.Length * times).Insert(0, text, times).ToString();

    private static byte[] Page(string body) => Encoding.UTF8.GetBytes($"<!DOCTYPE html><html><head><title>bomb</title></head><body>{body}</body></html>");
}
