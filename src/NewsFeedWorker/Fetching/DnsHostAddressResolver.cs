using System.Net;

namespace NewsFeedWorker.Fetching;

/// <summary>The real resolver: the operating system's DNS.</summary>
public sealed class DnsHostAddressResolver : IHostAddressResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        IPAddress.TryParse(host, out var literal) ? Task.FromResult<IPAddress[]>([literal]) : Dns.GetHostAddressesAsync(host, cancellationToken);
}
