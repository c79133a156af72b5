namespace NewsFeedWorker.Benchmarks.Dedupe;

/// <summary>Opens the databases a store benchmark runs on: SQLite always, PostgreSQL when a server is named.</summary>
internal static class BenchDatabases
{
    public const string PostgresVariable = "NEWSFEEDWORKER_TEST_POSTGRES";

    /// <summary>The PostgreSQL server to use: the option, else the test suite's environment variable, else none.</summary>
    public static string? PostgresServer(string? option) =>
        string.IsNullOrWhiteSpace(option) ? NullIfEmpty(Environment.GetEnvironmentVariable(PostgresVariable)) : option;

    /// <summary>A SQLite file: the given path (kept for reuse), else a temporary file deleted afterwards.</summary>
    public static SqliteBenchDatabase Sqlite(string? path) => path is null
        ? new SqliteBenchDatabase(Path.Combine(Path.GetTempPath(), $"nfw-bench-{Guid.NewGuid():N}.db"), keep: false)
        : new SqliteBenchDatabase(Path.GetFullPath(path), keep: true);

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
