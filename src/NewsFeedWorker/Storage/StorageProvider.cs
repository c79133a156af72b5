namespace NewsFeedWorker.Storage;

/// <summary>Which database backs the store.</summary>
public enum StorageProvider
{
    /// <summary>An embedded SQLite file under the data directory (the default).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, for many sources or several nodes sharing one store.</summary>
    Postgres,
}
