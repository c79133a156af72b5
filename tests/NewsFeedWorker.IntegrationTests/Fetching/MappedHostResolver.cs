using System.Net;
using System.Net.Sockets;
using NewsFeedWorker.Fetching;

namespace NewsFeedWorker.IntegrationTests.Fetching;

/// <summary>
/// Test DNS: made-up names map to fixed answers (possibly a different answer per lookup, for rebinding tests);
/// any other name fails, so no test ever reaches a real resolver or a real host.
/// </summary>
public sealed class MappedHostResolver(IReadOnlyDictionary<string, IPAddress[][]> answers) : IHostAddressResolver
{
    private readonly ConcurrentCounter lookups = new();

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var literal))
        {
            return Task.FromResult<IPAddress[]>([literal]);
        }

        if (!answers.TryGetValue(host, out var sequence))
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        var n = lookups.Next(host);
        return Task.FromResult(sequence[Math.Min(n, sequence.Length - 1)]);
    }

    public static MappedHostResolver Loopback(params string[] hosts) =>
        new(hosts.ToDictionary(h => h, _ => new[] { new[] { IPAddress.Loopback } }, StringComparer.OrdinalIgnoreCase));

    private sealed class ConcurrentCounter
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> counts = new(StringComparer.OrdinalIgnoreCase);

        public int Next(string key) => counts.AddOrUpdate(key, 0, (_, n) => n + 1);
    }
}
