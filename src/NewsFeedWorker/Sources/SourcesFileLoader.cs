using System.Text;
using System.Text.Json;

namespace NewsFeedWorker.Sources;

/// <summary>Reads and validates <c>sources.json</c>; every problem names the source and the key.</summary>
public static class SourcesFileLoader
{
    /// <exception cref="SourcesFileException">The file is missing or invalid; the message says where and why.</exception>
    public static IReadOnlyList<SourceDefinition> Load(string path)
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

        return Parse(json, path);
    }

    /// <summary>Validates sources.json text; <paramref name="fileName"/> starts every message.</summary>
    /// <exception cref="SourcesFileException">The text is not a valid sources file.</exception>
    public static IReadOnlyList<SourceDefinition> Parse(string json, string fileName)
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
        var sources = new List<SourceDefinition>();
        for (var i = 0; i < document.Sources.Count; i++)
        {
            var element = document.Sources[i];
            var label = LabelOf(element, i);
            if (element.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"{label}: expected an object, found {element.ValueKind}.");
                continue;
            }

            try
            {
                var source = element.Deserialize<SourceDefinition>(SourcesJson.Options)!;
                errors.AddRange(SourceValidator.Validate(source).Select(e => $"{label}, {e}"));
                sources.Add(source);
            }
            catch (JsonException ex)
            {
                errors.Add($"{label}, {JsonErrorMessage.Describe(ex, element.GetRawText(), topLevel: false)}");
            }
        }

        errors.AddRange(sources
            .GroupBy(s => s.Id, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => $"source \"{g.Key}\", key \"id\": duplicate id, used by {g.Count()} sources; ids must be unique."));

        return errors.Count switch
        {
            0 => sources,
            1 => throw new SourcesFileException($"{fileName}: {errors[0]}"),
            _ => throw new SourcesFileException(
                $"{fileName}: {errors.Count} problems:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", errors)}"),
        };
    }

    private static string LabelOf(JsonElement element, int index) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty("id", out var id)
        && id.ValueKind == JsonValueKind.String
        && !string.IsNullOrWhiteSpace(id.GetString())
            ? $"source \"{id.GetString()}\""
            : $"source #{index + 1} (no id)";
}
