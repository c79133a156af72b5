using System.CommandLine;
using NewsFeedWorker.Benchmarks.Dedupe;
using NewsFeedWorker.Benchmarks.Extraction;
using NewsFeedWorker.Benchmarks.Quality;
using NewsFeedWorker.Benchmarks.Hostile;

namespace NewsFeedWorker.Benchmarks;

/// <summary>The benchmark commands; <c>bdn</c> is handed to BenchmarkDotNet's own argument parser.</summary>
internal static class BenchmarkCli
{
    public static int Run(string[] args, TextWriter output)
    {
        var root = new RootCommand("NewsFeedWorker benchmarks (see docs/benchmarks.md). 'bdn [BenchmarkDotNet args]' runs the BenchmarkDotNet classes.")
        {
            ExtractCommand.Create(output),
            QualityCommand.Create(output),
            SnapshotCommand.Create(output),
            FurnitureCommand.Create(output),
            SampleSiteCommand.Create(output),
            StoreCommands.Dedupe(output),
            StoreCommands.UrlInsert(output),
            SeedStoreCommand.Create(output),
            BombsCommand.Create(output),
            FairSlotsCommand.Create(output),
            WorkerBombsCommand.Create(output),
        };
        return root.Parse(args).Invoke();
    }
}
