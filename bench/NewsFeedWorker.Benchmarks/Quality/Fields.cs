namespace NewsFeedWorker.Benchmarks.Quality;

/// <summary>Which fields an extractor gives at all on a set (a peer without dates is not scored on dates).</summary>
internal readonly record struct Fields(bool Text, bool Title, bool Date, bool Authors)
{
    public static Fields Given(IEnumerable<Answer> answers)
    {
        var list = answers.ToList();
        return new Fields(list.Any(a => a.Text is not null), list.Any(a => a.Title is not null),
            list.Any(a => a.Date is not null), list.Any(a => a.Authors is not null));
    }
}
