using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Tests.Publishing.Fakes;

/// <summary>
/// The fakes' copy of the store's <c>drift_baseline</c> and <c>source_drift</c> tables: what is learned per source, and
/// the warning lines read from it; none removes both.
/// </summary>
public sealed class DriftTable
{
    private readonly Dictionary<string, IReadOnlyList<LearnedSelector>> rows = new(StringComparer.Ordinal);

    public Task SaveAsync(string sourceId, IReadOnlyList<LearnedSelector> learned)
    {
        if (learned.Count == 0)
        {
            this.rows.Remove(sourceId);
        }
        else
        {
            this.rows[sourceId] = learned;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyList<LearnedSelector>>> GetLearnedAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<LearnedSelector>>>(new Dictionary<string, IReadOnlyList<LearnedSelector>>(this.rows, StringComparer.Ordinal));

    public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<string>>>(this.rows
            .Select(r => (r.Key, Lines: r.Value.Where(l => l.Warning is not null).Select(l => l.Warning!).ToList()))
            .Where(r => r.Lines.Count > 0)
            .ToDictionary(r => r.Key, r => (IReadOnlyList<string>)r.Lines, StringComparer.Ordinal));
}
