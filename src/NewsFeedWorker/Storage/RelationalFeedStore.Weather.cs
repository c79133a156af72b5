using System.Globalization;
using Dapper;
using NewsFeedWorker.Dedupe;
using NewsFeedWorker.Parsing;

namespace NewsFeedWorker.Storage;

public abstract partial class RelationalFeedStore
{
    private static readonly Guid WeatherNamespace = new("0d7b6c8e-2a51-5f3c-8e9d-4b1a7f2c6e03");

    public async Task<bool> SaveWeatherAsync(string sourceId, WeatherSnapshot snapshot, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        var observedOn = snapshot.ObservedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        var readingsHash = StoreJson.ReadingsHash(snapshot.Readings);
        await using var connection = await OpenAsync(cancellationToken);
        await using var tx = await BeginWriteAsync(connection, cancellationToken);
        // Comparing with the last snapshot and appending must not interleave with another writer of the same source.
        await LockAsync(connection, tx, "weather|" + sourceId, cancellationToken);
        var last = await connection.QueryFirstOrDefaultAsync<string>(Command(
            "SELECT readings_hash FROM weather WHERE source_id = @sourceId AND observed_on = @observedOn ORDER BY seq DESC LIMIT 1",
            new { sourceId, observedOn }, tx, cancellationToken));
        if (last == readingsHash)
        {
            await tx.CommitAsync(cancellationToken);
            return false;
        }

        var seq = await connection.ExecuteScalarAsync<long>(Command(
            "SELECT COALESCE(MAX(seq), 0) + 1 FROM weather WHERE source_id = @sourceId", new { sourceId }, tx, cancellationToken));
        var inserted = await connection.ExecuteAsync(Command(
            """
            INSERT INTO weather (id, source_id, observed_on, seq, readings_hash, snapshot_json, seen_at)
            VALUES (@id, @sourceId, @observedOn, @seq, @readingsHash, @json, @seenAt)
            ON CONFLICT DO NOTHING
            """,
            new
            {
                id = StableId.Create(WeatherNamespace, $"{sourceId}|{seq}|{readingsHash}").ToString("D"),
                sourceId,
                observedOn,
                seq,
                readingsHash,
                json = StoreJson.Serialize(snapshot),
                seenAt = seenAt.ToUnixTimeMilliseconds(),
            },
            tx, cancellationToken));
        if (inserted == 1)
        {
            await BumpChangeVersionAsync(connection, tx, sourceId, cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
        return inserted == 1;
    }

    public async Task<IReadOnlyList<StoredWeather>> GetWeatherAsync(string? sourceId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<WeatherRow>(Command(
            "SELECT id AS Id, source_id AS SourceId, snapshot_json AS SnapshotJson, seen_at AS SeenAt FROM weather " +
            (sourceId is null ? "" : "WHERE source_id = @sourceId ") +
            "ORDER BY seen_at DESC, seq DESC LIMIT @limit",
            new { sourceId, limit = Math.Max(0, limit) }, null, cancellationToken));
        return [.. rows.Select(r => new StoredWeather(r.Id, r.SourceId, StoreJson.Deserialize<WeatherSnapshot>(r.SnapshotJson), DateTimeOffset.FromUnixTimeMilliseconds(r.SeenAt)))];
    }
}
