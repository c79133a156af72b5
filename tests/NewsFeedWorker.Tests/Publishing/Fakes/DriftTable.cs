namespace NewsFeedWorker.Tests.Publishing.Fakes;

/// <summary>The fakes' copy of the store's <c>source_drift</c> table: warnings per source, none removes the row.</summary>
public sealed class DriftTable
{
    private readonly Dictionary<string, IReadOnlyList<string>> rows = new(StringComparer.Ordinal);

    public Task SaveAsync(string sourceId, IReadOnlyList<string> warnings)
    {
        if (warnings.Count == 0)
        {
            this.rows.Remove(sourceId);
        }
        else
        {
            this.rows[sourceId] = warnings;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<string>>>(new Dictionary<string, IReadOnlyList<string>>(this.rows, StringComparer.Ordinal));
}
