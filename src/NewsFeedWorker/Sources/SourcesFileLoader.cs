using System.Text;
using System.Text.Json;

namespace NewsFeedWorker.Sources;

/// <summary>Reads and validates <c>sources.json</c>; every problem names the source and the key.</summary>
public static class SourcesFileLoader
{
    /// <exception cref="SourcesFileException">The file is missing or invalid; the message says where and why.</exception>
    public static IReadOnlyList<SourceDefinition> Load(string path) => LoadFile(path).Sources;

    /// <summary>The sources and the topics of the file.</summary>
    /// <exception cref="SourcesFileException">The file is missing or invalid; the message says where and why.</exception>
    public static SourcesFile LoadFile(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new SourcesFileException(
                $"{path}: sources file not found (looked for {Path.GetFullPath(path)}); pass --sources FILE or set Worker:SourcesFile.", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SourcesFileException($"{path}: sources file cannot be read: {ex.Message}", ex);
        }

        return ParseFile(json, path);
    }

    /// <summary>Validates sources.json text; <paramref name="fileName"/> starts every message.</summary>
    /// <exception cref="SourcesFileException">The text is not a valid sources file.</exception>
    public static IReadOnlyList<SourceDefinition> Parse(string json, string fileName) => ParseFile(json, fileName).Sources;

    /// <summary>Validates sources.json text, topics included; <paramref name="fileName"/> starts every message.</summary>
    /// <exception cref="SourcesFileException">The text is not a valid sources file.</exception>
    public static SourcesFile ParseFile(string json, string fileName)
    {
        SourcesFileDocument document;
        try
        {
            using (JsonDocument.Parse(json, SourcesJson.DocumentOptions))
            {
                // A syntax error anywhere is reported as such, with line and column, before any complaint about content.
            }

            document = JsonSerializer.Deserialize<SourcesFileDocument>(json, SourcesJson.Options)
                ?? throw new SourcesFileException($"{fileName}: the file holds null; expected {{ \"sources\": [ ... ] }}.");
        }
        catch (JsonException ex)
        {
            throw new SourcesFileException($"{fileName}: {JsonErrorMessage.Describe(ex, json, topLevel: true)}", ex);
        }

        var errors = new List<string>();
        var sources = ReadEach<SourceDefinition>(document.Sources, "source", "", s => s.Id, StringComparer.OrdinalIgnoreCase, SourceValidator.Validate, errors);
        var topics = ReadEach<TopicDefinition>(
            document.Topics, "topic", ", { \"id\": ..., \"name\": ..., \"any\": [ ... ] }", t => t.Id, StringComparer.Ordinal, t => TopicValidator.Validate(t, sources), errors);
        return errors.Count switch
        {
            0 => new SourcesFile(sources, topics),
            1 => throw new SourcesFileException($"{fileName}: {errors[0]}"),
            _ => throw new SourcesFileException(
                $"{fileName}: {errors.Count} problems:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", errors)}"),
        };
    }

    /// <summary>Reads each element on its own (one bad entry does not hide the next one's problems); labels name it by id.</summary>
    private static List<T> ReadEach<T>(
        IReadOnlyList<JsonElement> elements, string what, string shape, Func<T, string> idOf, StringComparer ids,
        Func<T, IEnumerable<string>> validate, List<string> errors)
    {
        var read = new List<T>();
        for (var i = 0; i < elements.Count; i++)
        {
            var element = elements[i];
            var label = LabelOf(element, i, what);
            if (element.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"{label}: expected an object{shape}, found {element.ValueKind}.");
                continue;
            }

            try
            {
                var item = element.Deserialize<T>(SourcesJson.Options)!;
                errors.AddRange(validate(item).Select(e => $"{label}, {e}"));
                read.Add(item);
            }
            catch (JsonException ex)
            {
                errors.Add($"{label}, {JsonErrorMessage.Describe(ex, element.GetRawText(), topLevel: false)}");
            }
        }

        errors.AddRange(read
            .GroupBy(idOf, ids)
            .Where(g => g.Count() > 1)
            .Select(g => $"{what} \"{g.Key}\", key \"id\": duplicate id, used by {g.Count()} {what}s; ids must be unique."));
        return read;
    }

    private static string LabelOf(JsonElement element, int index, string what) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty("id", out var id)
        && id.ValueKind == JsonValueKind.String
        && !string.IsNullOrWhiteSpace(id.GetString())
            ? $"{what} \"{id.GetString()}\""
            : $"{what} #{index + 1} (no id)";
}
