using System.Text.Json;

namespace NewsFeedWorker.Sources;

/// <summary>The top level of <c>sources.json</c>; sources and topics stay raw so each is read and reported on its own.</summary>
internal sealed record SourcesFileDocument
{
    public required IReadOnlyList<JsonElement> Sources { get; init; }

    public IReadOnlyList<JsonElement> Topics { get; init; } = [];
}
