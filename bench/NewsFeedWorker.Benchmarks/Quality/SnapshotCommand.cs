using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using NewsFeedWorker.Benchmarks.Extraction;

namespace NewsFeedWorker.Benchmarks.Quality;

/// <summary>
/// <c>snapshot</c>: the whole parse result of every development page (article with body HTML and text, weather,
/// teasers, links, furniture blocks, errors) as one line of JSON per page, sorted by set and id. Two builds that write
/// the same file give users the same output on every page: the check a change meant only to be faster must pass.
/// </summary>
internal static class SnapshotCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static Command Create(TextWriter output)
    {
        var corpus = new Option<DirectoryInfo?>("--corpus") { Description = "The folder holding the development sets (default: the first shared/corpus/dev above this program or the current folder)" };
        var sets = new Option<string[]>("--set") { Description = $"Only these sets (repeatable): {string.Join(", ", DevelopmentSets.Names)}", AllowMultipleArgumentsPerToken = true };
        var file = new Option<FileInfo>("--out") { Description = "The file to write (one line per page: set, id, JSON)", Required = true };
        var command = new Command("snapshot", "Every development page's full parse result as JSON lines, to compare two builds byte for byte") { corpus, sets, file };
        command.SetAction(parseResult =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            if (DevelopmentSets.Resolve(parseResult.GetValue(corpus), parseResult.GetValue(sets), error) is not ({ } folder, { } available))
            {
                return 2;
            }

            var pages = available.SelectMany(s => DevelopmentSets.Load(folder, s)).ToList();
            var lines = new string[pages.Count];
            using (var pipeline = new ProductPipeline())
            {
                Parallel.For(0, pages.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                    i => lines[i] = $"{pages[i].Set}\t{pages[i].Id}\t{Result(pipeline, pages[i])}");
            }

            Array.Sort(lines, StringComparer.Ordinal);
            var target = parseResult.GetValue(file)!;
            File.WriteAllLines(target.FullName, lines);
            var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(target.FullName)));
            output.WriteLine($"{lines.Length} pages written to {target.FullName}; SHA-256 {hash}");
            return 0;
        });
        return command;
    }

    private static string Result(ProductPipeline pipeline, QualityPage page)
    {
        try
        {
            return JsonSerializer.Serialize(ProductAnswers.Parse(pipeline, page), Json);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return JsonSerializer.Serialize(new { threw = $"{exception.GetType().Name}: {exception.Message}" }, Json);
        }
    }
}
