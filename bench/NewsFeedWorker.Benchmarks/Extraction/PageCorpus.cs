namespace NewsFeedWorker.Benchmarks.Extraction;

/// <summary>Loads every file matching a name pattern (default <c>*.html</c>) under a folder, recursively, sorted by full path.</summary>
internal static class PageCorpus
{
    public static IReadOnlyList<CorpusPage> Load(DirectoryInfo root, string pattern, int? maxPages)
    {
        if (!root.Exists)
        {
            throw new DirectoryNotFoundException($"Page folder '{root.FullName}' does not exist.");
        }

        var files = root.EnumerateFiles(pattern, SearchOption.AllDirectories)
            .OrderBy(f => f.FullName, StringComparer.Ordinal)
            .Take(maxPages ?? int.MaxValue);

        return [.. files.Select(f => new CorpusPage
        {
            Path = f.FullName,
            Bytes = File.ReadAllBytes(f.FullName),
            Url = PageUrl(Path.GetRelativePath(root.FullName, f.FullName)),
        })];
    }

    private static Uri PageUrl(string relativePath) =>
        new($"https://bench.example/{string.Join('/', relativePath.Split(Path.DirectorySeparatorChar).Select(Uri.EscapeDataString))}");
}
