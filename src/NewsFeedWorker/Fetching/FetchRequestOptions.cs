using System.Runtime.CompilerServices;

namespace NewsFeedWorker.Fetching;

/// <summary>Per-request flags carried through the HTTP pipeline to the handlers and the connect callback.</summary>
internal static class FetchRequestOptions
{
    /// <summary>Incremented by every attempt the resilience pipeline makes (retries share the box).</summary>
    public static readonly HttpRequestOptionsKey<StrongBox<int>> Attempts = new("NewsFeedWorker.Attempts");

    /// <summary>Set for discovered URLs: the connection may only go to public addresses.</summary>
    public static readonly HttpRequestOptionsKey<bool> PublicAddressesOnly = new("NewsFeedWorker.PublicAddressesOnly");
}
