namespace NewsFeedWorker.Sources;

/// <summary>Reads and validates <c>sources.json</c>; every problem names the source and the key.</summary>
public static class SourcesFileLoader
{
    /// <exception cref="SourcesFileException">The file is missing or invalid; the message says where and why.</exception>
    public static IReadOnlyList<SourceDefinition> Load(string path)
        => throw new NotImplementedException("sources loader");
}
