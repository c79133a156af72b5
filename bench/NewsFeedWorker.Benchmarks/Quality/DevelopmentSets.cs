using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Runtime.CompilerServices;
using System.Text.Json;
using AngleSharp.Html.Parser;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Parsing.Generic;

namespace NewsFeedWorker.Benchmarks.Quality;

/// <summary>Reads the development sets of <c>shared/corpus/dev</c> (each folder's README says its layout) into pages with truth and peers.</summary>
internal static class DevelopmentSets
{
    public static readonly string[] Names = ["fundus", "htmldate", "scrapinghub", "readability"];

    // Pages whose set records no crawl date are judged as if fetched on this day: fixed, so runs compare.
    private static readonly DateTimeOffset DefaultFetchedAt = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    // The sets' pages are decoded here before any worker type is touched: run the worker's module initializer (the
    // legacy code pages) first.
    static DevelopmentSets() => RuntimeHelpers.RunModuleConstructor(typeof(PageParser).Module.ModuleHandle);

    /// <summary>Walks up from <paramref name="start"/> to the first folder holding <c>shared/corpus/dev</c>.</summary>
    public static string? Find(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "corpus", "dev");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// The corpus folder (given, else found above this program or the current folder) and the chosen sets present in
    /// it; null after writing the reason to <paramref name="error"/> when the folder is missing or a set is unknown.
    /// </summary>
    public static (string Folder, List<string> Sets)? Resolve(DirectoryInfo? given, string[]? sets, TextWriter error)
    {
        var folder = given?.FullName ?? Find(AppContext.BaseDirectory) ?? Find(Environment.CurrentDirectory);
        if (folder is null || !Directory.Exists(folder))
        {
            error.WriteLine($"No development corpus: '{folder ?? "shared/corpus/dev"}' was not found (give --corpus DIR).");
            return null;
        }

        var chosen = sets is { Length: > 0 } ? sets : Names;
        if (chosen.FirstOrDefault(s => !Names.Contains(s)) is { } unknown)
        {
            error.WriteLine($"Unknown set '{unknown}'; the sets are {string.Join(", ", Names)}.");
            return null;
        }

        return (folder, chosen.Where(s => Directory.Exists(Path.Combine(folder, s))).ToList());
    }

    public static IReadOnlyList<QualityPage> Load(string corpus, string set) => set switch
    {
        "fundus" => Fundus(Path.Combine(corpus, set)),
        "htmldate" => HtmlDate(Path.Combine(corpus, set)),
        "scrapinghub" => Scrapinghub(Path.Combine(corpus, set)),
        "readability" => Readability(Path.Combine(corpus, set)),
        _ => throw new ArgumentException($"unknown set '{set}' (sets: {string.Join(", ", Names)})", nameof(set)),
    };

    private static List<QualityPage> Fundus(string folder)
    {
        var peers = Peers(Path.Combine(folder, "peers.json"));
        var pages = new List<QualityPage>();
        foreach (var record in ReadArray(Path.Combine(folder, "truth.json")))
        {
            var id = record.GetProperty("id").GetString()!;
            var file = Path.Combine(folder, record.GetProperty("file").GetString()!);
            var stored = Text(record, "stored_encoding");
            var declared = Text(record, "declared_charset");
            pages.Add(new QualityPage
            {
                Set = "fundus",
                Id = id,
                Url = new Uri(record.GetProperty("url").GetString()!),
                Language = Text(record, "lang") ?? "-",
                // Stored as UTF-8 even where the page declares another charset: deliver it as a real fetch would.
                ReadBytes = () => Reencode(Gunzip(file), stored, declared),
                FetchedAt = Timestamp(Text(record, "crawl_date")) ?? DefaultFetchedAt,
                Truth = new Truth
                {
                    Title = Text(record, "title"),
                    Body = string.Join("\n", record.GetProperty("body_paragraphs").EnumerateArray().Select(p => p.GetString())),
                    Date = Text(record, "publishing_date"),
                    Authors = record.TryGetProperty("authors", out var authors) && authors.ValueKind == JsonValueKind.Array
                        ? [.. authors.EnumerateArray().Select(a => a.GetString()!).Where(a => a.Length > 0)]
                        : null,
                },
                Peers = peers.GetValueOrDefault(id) ?? [],
            });
        }

        return pages;
    }

    private static List<QualityPage> HtmlDate(string folder)
    {
        var peers = Peers(Path.Combine(folder, "peers.json"));
        var pages = new List<QualityPage>();
        foreach (var record in ReadArray(Path.Combine(folder, "truth.json")))
        {
            var id = record.GetProperty("id").GetString()!;
            var file = Path.Combine(folder, record.GetProperty("file").GetString()!);
            pages.Add(new QualityPage
            {
                Set = "htmldate",
                Id = id,
                Url = new Uri(record.GetProperty("url").GetString()!),
                Language = Text(record, "lang") ?? "-",
                ReadBytes = () => Gunzip(file),
                FetchedAt = DefaultFetchedAt,
                Truth = new Truth
                {
                    Date = Text(record, "publishing_date"),
                    NoDateExpected = record.TryGetProperty("no_date_expected", out var none) && none.ValueKind == JsonValueKind.True,
                },
                Peers = peers.GetValueOrDefault(id) ?? [],
            });
        }

        return pages;
    }

    private static List<QualityPage> Scrapinghub(string folder)
    {
        var outputs = new Dictionary<string, Dictionary<string, Answer>>(StringComparer.Ordinal);
        foreach (var output in Directory.GetFiles(Path.Combine(folder, "output"), "*.json").Order(StringComparer.Ordinal))
        {
            var tool = Path.GetFileNameWithoutExtension(output);
            using var json = JsonDocument.Parse(File.ReadAllBytes(output));
            foreach (var page in json.RootElement.EnumerateObject())
            {
                var text = page.Value.ValueKind == JsonValueKind.Object ? Text(page.Value, "articleBody") : null;
                (outputs.TryGetValue(page.Name, out var answers) ? answers : outputs[page.Name] = new(StringComparer.Ordinal))[tool] = new Answer { Text = text };
            }
        }

        using var truth = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "ground-truth.json")));
        var pages = new List<QualityPage>();
        foreach (var page in truth.RootElement.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var file = Path.Combine(folder, "html", page.Name + ".html.gz");
            pages.Add(new QualityPage
            {
                Set = "scrapinghub",
                Id = page.Name,
                Url = new Uri(Text(page.Value, "url")!),
                Language = "en",
                ReadBytes = () => Gunzip(file),
                FetchedAt = DefaultFetchedAt,
                Truth = new Truth { Body = Text(page.Value, "articleBody") ?? "" },
                Peers = outputs.GetValueOrDefault(page.Name) ?? [],
            });
        }

        return pages;
    }

    private static List<QualityPage> Readability(string folder)
    {
        var parser = new HtmlParser();
        var pages = new List<QualityPage>();
        foreach (var directory in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
        {
            var metadataFile = Path.Combine(directory, "expected-metadata.json");
            if (!File.Exists(metadataFile))
            {
                continue;
            }

            using var metadata = JsonDocument.Parse(File.ReadAllBytes(metadataFile));
            var root = metadata.RootElement;
            var readerable = !(root.TryGetProperty("readerable", out var flag) && flag.ValueKind == JsonValueKind.False);
            var expected = Path.Combine(directory, "expected.html");
            var body = readerable && File.Exists(expected)
                ? ContentText.ToPlainText(parser.ParseDocument(File.ReadAllText(expected)).Body!)
                : null;
            var byline = Text(root, "byline");
            var source = Path.Combine(directory, "source.html");
            pages.Add(new QualityPage
            {
                Set = "readability",
                Id = Path.GetFileName(directory),
                // The URL Readability's own test runner gives every page.
                Url = new Uri("http://fakehost/test/page.html"),
                Language = Language(Text(root, "lang")),
                ReadBytes = () => File.ReadAllBytes(source),
                FetchedAt = DefaultFetchedAt,
                Truth = new Truth
                {
                    IsArticle = readerable,
                    Body = body,
                    Title = readerable ? Text(root, "title") : null,
                    Date = Text(root, "publishedTime"),
                    Authors = readerable && byline is not null ? [byline] : null,
                },
            });
        }

        return pages;
    }

    private static Dictionary<string, Dictionary<string, Answer>> Peers(string file)
    {
        var peers = new Dictionary<string, Dictionary<string, Answer>>(StringComparer.Ordinal);
        if (!File.Exists(file))
        {
            return peers;
        }

        using var json = JsonDocument.Parse(File.ReadAllBytes(file));
        foreach (var page in json.RootElement.EnumerateObject())
        {
            var answers = new Dictionary<string, Answer>(StringComparer.Ordinal);
            foreach (var tool in page.Value.EnumerateObject().Where(t => t.Value.ValueKind == JsonValueKind.Object))
            {
                answers[tool.Name] = new Answer
                {
                    Text = Text(tool.Value, "text"),
                    Title = Text(tool.Value, "title"),
                    Date = Text(tool.Value, "date"),
                    Authors = tool.Value.TryGetProperty("authors", out var authors)
                        ? authors.ValueKind switch
                        {
                            JsonValueKind.String => authors.GetString(),
                            JsonValueKind.Array => string.Join(", ", authors.EnumerateArray().Select(a => a.ToString())),
                            _ => null,
                        }
                        : null,
                };
            }

            peers[page.Name] = answers;
        }

        return peers;
    }

    private static List<JsonElement> ReadArray(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(file));
        return [.. json.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    private static string? Text(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Language(string? tag)
        => string.IsNullOrWhiteSpace(tag) ? "-" : tag.Split('-', '_')[0].ToLowerInvariant();

    private static DateTimeOffset? Timestamp(string? text)
        => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : null;

    private static byte[] Gunzip(string file)
    {
        using var input = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] Reencode(byte[] bytes, string? stored, string? declared)
    {
        if (declared is null || stored is null || string.Equals(declared, stored, StringComparison.OrdinalIgnoreCase))
        {
            return bytes;
        }

        return Encoding.GetEncoding(declared).GetBytes(Encoding.GetEncoding(stored).GetString(bytes));
    }
}
