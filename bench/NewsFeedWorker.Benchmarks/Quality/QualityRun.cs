namespace NewsFeedWorker.Benchmarks.Quality;

/// <summary>Loads the chosen development sets, runs generic mode on every page and scores it beside the peers.</summary>
internal static class QualityRun
{
    public static List<SetResult> Score(string corpus, IEnumerable<string> sets)
    {
        var results = new List<SetResult>();
        foreach (var set in sets)
        {
            var pages = DevelopmentSets.Load(corpus, set);
            results.Add(new SetResult(set, pages, ProductAnswers.For(pages)));
        }

        return results;
    }

    /// <summary>The floors each set's figures fall below; empty when every floor holds.</summary>
    public static List<string> Violations(IEnumerable<SetResult> results, IReadOnlyDictionary<string, QualityFloors> floors)
    {
        var violations = new List<string>();
        foreach (var result in results)
        {
            if (floors.TryGetValue(result.Set, out var floor))
            {
                violations.AddRange(floor.Violations(result.Set, result.Summaries().Single(s => s.Extractor == ProductAnswers.Name)));
            }
        }

        return violations;
    }

    public static string DefaultFloorsFile => Path.Combine(AppContext.BaseDirectory, "quality-floors.json");
}
