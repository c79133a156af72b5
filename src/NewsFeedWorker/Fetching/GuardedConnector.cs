using System.Net;
using System.Net.Sockets;

namespace NewsFeedWorker.Fetching;

/// <summary>
/// The socket connect step of the HTTP handler: resolves through <see cref="IHostAddressResolver"/> and, for
/// discovered URLs, refuses non-public addresses at connect time, so DNS rebinding after the check cannot slip through.
/// </summary>
public sealed class GuardedConnector(IHostAddressResolver resolver)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        IPAddress[] addresses = await resolver.ResolveAsync(host, cancellationToken);
        var restricted = context.InitialRequestMessage.Options.TryGetValue(FetchRequestOptions.PublicAddressesOnly, out var only) && only;
        if (restricted && addresses.Any(a => !IpAddressClassifier.IsPublic(a)))
        {
            throw new DisallowedAddressException(host);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
