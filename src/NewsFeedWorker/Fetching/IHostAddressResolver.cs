using System.Net;

namespace NewsFeedWorker.Fetching;

/// <summary>Turns a host name into addresses; the seam lets tests map made-up public names to loopback.</summary>
public interface IHostAddressResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}
