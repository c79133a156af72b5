using System.Net.Sockets;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Fetching;

/// <summary>Decides whether a URL may be fetched at all: scheme, allowed hosts, and no private addresses for untrusted URLs.</summary>
public sealed class UrlPolicy(IHostAddressResolver resolver)
{
    /// <summary>
    /// The sample site case: a private host the operator named (a start URL's or an allowed host written as a private
    /// literal) may be reached through links and redirects too; any other private address never, not even by a
    /// redirect from that host.
    /// </summary>
    public static bool AllowsPrivateAddresses(SourceDefinition source, Uri url) =>
        IpAddressClassifier.IsPrivateHostLiteral(url.Host)
        && source.StartUrls.Select(u => u.Host).Concat(source.AllowedHosts).Contains(url.Host, StringComparer.OrdinalIgnoreCase);

    /// <summary>True when a connection to this URL must be restricted to public addresses.</summary>
    public static bool NeedsPublicAddress(SourceDefinition source, Uri url, UrlOrigin origin) =>
        origin == UrlOrigin.Discovered && !AllowsPrivateAddresses(source, url);

    /// <summary>
    /// A host among the source's allowed hosts (its start URLs' hosts when none are listed), or one that differs from
    /// one of them only by a leading <c>www.</c>, so the everyday redirect between the two forms is followed.
    /// </summary>
    public static bool IsAllowedHost(SourceDefinition source, string host)
    {
        var bare = WithoutWww(host);
        return source.EffectiveAllowedHosts.Concat(source.StartUrls.Select(u => u.Host))
            .Any(allowed => allowed.Equals(host, StringComparison.OrdinalIgnoreCase) || WithoutWww(allowed).Equals(bare, StringComparison.OrdinalIgnoreCase));
    }

    private static string WithoutWww(string host) => host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;

    /// <summary>
    /// Null when the URL may be fetched, else the failure to report (nothing is sent). Untrusted URLs must resolve to
    /// public addresses and, when <paramref name="enforceAllowedHosts"/>, be on one of the source's allowed hosts.
    /// </summary>
    public async Task<FetchFailed?> CheckAsync(SourceDefinition source, Uri url, UrlOrigin origin, bool enforceAllowedHosts, CancellationToken cancellationToken)
    {
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return new FetchFailed(url, FetchErrorKind.DisallowedUrl, $"only http and https are fetched, not {(url.IsAbsoluteUri ? url.Scheme : "a relative URL")}");
        }

        if (origin == UrlOrigin.Operator)
        {
            return null;
        }

        if (enforceAllowedHosts && !IsAllowedHost(source, url.Host))
        {
            return new FetchFailed(url, FetchErrorKind.DisallowedUrl, $"host {url.Host} is not among the source's allowed hosts");
        }

        if (!NeedsPublicAddress(source, url, origin))
        {
            return null;
        }

        try
        {
            var addresses = await resolver.ResolveAsync(url.IdnHost, cancellationToken);
            var blocked = addresses.FirstOrDefault(a => !IpAddressClassifier.IsPublic(a));
            return blocked is null
                ? null
                : new FetchFailed(url, FetchErrorKind.DisallowedUrl, $"host {url.Host} resolves to non-public address {blocked}");
        }
        catch (SocketException e)
        {
            return new FetchFailed(url, FetchErrorKind.Network, $"cannot resolve {url.Host}: {e.SocketErrorCode}");
        }
    }
}
