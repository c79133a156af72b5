using System.Net.Sockets;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Fetching;

/// <summary>Decides whether a URL may be fetched at all: scheme, allowed hosts, and no private addresses for untrusted URLs.</summary>
public sealed class UrlPolicy(IHostAddressResolver resolver)
{
    /// <summary>The sample site case: when the operator configured a private host, its links may be private too.</summary>
    public static bool AllowsPrivateAddresses(SourceDefinition source) =>
        source.StartUrls.Any(u => IpAddressClassifier.IsPrivateHostLiteral(u.Host))
        || source.AllowedHosts.Any(IpAddressClassifier.IsPrivateHostLiteral);

    /// <summary>True when a connection to this URL must be restricted to public addresses.</summary>
    public static bool NeedsPublicAddress(SourceDefinition source, UrlOrigin origin) =>
        origin == UrlOrigin.Discovered && !AllowsPrivateAddresses(source);

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

        if (enforceAllowedHosts && !source.EffectiveAllowedHosts.Contains(url.Host, StringComparer.OrdinalIgnoreCase))
        {
            return new FetchFailed(url, FetchErrorKind.DisallowedUrl, $"host {url.Host} is not among the source's allowed hosts");
        }

        if (!NeedsPublicAddress(source, origin))
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
