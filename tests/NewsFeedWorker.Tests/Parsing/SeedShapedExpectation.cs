using System.Globalization;
using NewsFeedWorker.Parsing;

namespace NewsFeedWorker.Tests.Parsing;

/// <summary>A hand-written <c>*.expected.txt</c> of a seed-shaped page: one <c>key: value</c> per line, lists repeat the key.</summary>
internal sealed class SeedShapedExpectation
{
    private readonly List<(string Key, string Value)> lines;

    private SeedShapedExpectation(List<(string Key, string Value)> lines) => this.lines = lines;

    public static SeedShapedExpectation Read(string path)
    {
        var lines = new List<(string, string)>();
        foreach (var line in File.ReadAllLines(path))
        {
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon > 0)
            {
                lines.Add((line[..colon], line[(colon + 2)..]));
            }
        }

        return new SeedShapedExpectation(lines);
    }

    public string One(string key) => lines.Single(l => l.Key == key).Value;

    public IEnumerable<string> All(string key) => lines.Where(l => l.Key == key).Select(l => l.Value);

    public IReadOnlyList<WeatherReading> Readings() => All("reading").Select(r =>
    {
        var parts = r.Split('|', StringSplitOptions.TrimEntries);
        return new WeatherReading(parts[0], parts[1].Length == 0 ? null : parts[1], decimal.Parse(parts[2], CultureInfo.InvariantCulture));
    }).ToList();

    public IReadOnlyList<(string Section, string Title, string Url)> Teasers() => All("teaser").Select(t =>
    {
        var parts = t.Split(" | ");
        return (parts[0], parts[1], parts[2]);
    }).ToList();
}
