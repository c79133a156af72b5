using System.Globalization;
using System.Text.Json;

namespace NewsFeedWorker.Benchmarks.Quality;

/// <summary>
/// The CI gate: per set, the least the product may score (set from measured figures, in <c>quality-floors.json</c>),
/// so that no change loses quality silently.
/// </summary>
internal sealed record QualityFloors
{
    public double? BodyF1Mean { get; init; }

    public double? BodyF1Median { get; init; }

    public double? DateShare { get; init; }

    public double? TitleShare { get; init; }

    public int? NoArticleMax { get; init; }

    public int? NonArticlesWithArticleMax { get; init; }

    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip };

    public static Dictionary<string, QualityFloors> Read(string file)
        => JsonSerializer.Deserialize<Dictionary<string, QualityFloors>>(File.ReadAllText(file), Options)
           ?? throw new InvalidDataException($"{file}: no floors");

    /// <summary>Every floor the product's figures fall below, as sentences; empty when all hold.</summary>
    public IEnumerable<string> Violations(string set, ScoreSummary ours)
    {
        if (Below(ours.F1Mean, BodyF1Mean))
        {
            yield return Say(set, "body F1 mean", ours.F1Mean, BodyF1Mean);
        }

        if (Below(ours.F1Median, BodyF1Median))
        {
            yield return Say(set, "body F1 median", ours.F1Median, BodyF1Median);
        }

        if (Below(Share(ours.Dates), DateShare))
        {
            yield return Say(set, "share of dates right to the day", Share(ours.Dates), DateShare);
        }

        if (Below(Share(ours.Titles), TitleShare))
        {
            yield return Say(set, "share of titles exact", Share(ours.Titles), TitleShare);
        }

        if (NoArticleMax is { } most && ours.NoArticle > most)
        {
            yield return $"{set}: {ours.NoArticle} article pages gave no article (at most {most} allowed)";
        }

        if (NonArticlesWithArticleMax is { } allowed && ours.NonArticles is { } non && non.Of - non.Right > allowed)
        {
            yield return $"{set}: {non.Of - non.Right} non-article pages gave an article (at most {allowed} allowed)";
        }
    }

    private static bool Below(double? value, double? floor) => floor is { } f && (value ?? 0) < f;

    private static double? Share((int Right, int Of)? rate) => rate is { Of: > 0 } r ? (double)r.Right / r.Of : null;

    private static string Say(string set, string what, double? value, double? floor)
        => string.Create(CultureInfo.InvariantCulture, $"{set}: {what} {value ?? 0:F4} is below the floor {floor:F4}");
}
