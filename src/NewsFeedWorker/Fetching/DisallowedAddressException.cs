namespace NewsFeedWorker.Fetching;

/// <summary>Raised by the connect callback when a restricted request would reach a non-public address.</summary>
public sealed class DisallowedAddressException(string host) : Exception($"{host} resolves to a private, loopback or link-local address")
{
    public string Host { get; } = host;
}
