using System.Security.Cryptography;
using System.Text.Json;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Scheduling.Clustering;

/// <summary>
/// A short hash of everything a source's definition says, stored in its job's data so that nodes sharing one schedule
/// notice when their sources files disagree about a source.
/// </summary>
public static class SourceFingerprint
{
    public static string Of(SourceDefinition source)
    {
        // The record serialises the same on every node with the same build: property order is declaration order.
        var json = JsonSerializer.SerializeToUtf8Bytes(source);
        return Convert.ToHexStringLower(SHA256.HashData(json).AsSpan(0, 8));
    }
}
