namespace NewsFeedWorker.Benchmarks.Quality;

/// <summary>Every extractor's page scores on one development set: the product's and each peer's.</summary>
internal sealed class SetResult
{
    public SetResult(string set, IReadOnlyList<QualityPage> pages, IReadOnlyDictionary<string, Answer> ours)
    {
        Set = set;
        Pages = pages;
        var all = Fields(true, true, true, true);
        Scores[ProductAnswers.Name] = [.. pages.Select(page => PageScore.Of(page, ours.GetValueOrDefault(page.Id) ?? new Answer(), all))];
        foreach (var peer in pages.SelectMany(p => p.Peers.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var answers = pages.Select(p => p.Peers.GetValueOrDefault(peer) ?? new Answer()).ToList();
            var given = Quality.Fields.Given(answers);
            Scores[peer] = [.. pages.Select((page, i) => PageScore.Of(page, answers[i], given))];
        }
    }

    public string Set { get; }

    public IReadOnlyList<QualityPage> Pages { get; }

    /// <summary>Per extractor, one score per page in page order; the product first.</summary>
    public Dictionary<string, List<PageScore>> Scores { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<PageScore> Ours => Scores[ProductAnswers.Name];

    public IEnumerable<ScoreSummary> Summaries(Func<QualityPage, bool>? filter = null)
        => Scores.Select(pair => ScoreSummary.Of(pair.Key, filter is null ? pair.Value : [.. pair.Value.Where(s => filter(s.Page))]));

    /// <summary>The peer with the best body F1 on page <paramref name="index"/>, or null when no peer gives bodies.</summary>
    public (string Peer, BodyScore Score)? BestPeer(int index)
    {
        (string, BodyScore)? best = null;
        foreach (var (name, scores) in Scores)
        {
            if (name != ProductAnswers.Name && scores[index].Body is { } body && (best is null || body.F1 > best.Value.Item2.F1))
            {
                best = (name, body);
            }
        }

        return best;
    }

    private static Fields Fields(bool text, bool title, bool date, bool authors) => new(text, title, date, authors);
}
