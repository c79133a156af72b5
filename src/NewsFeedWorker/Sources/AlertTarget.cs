namespace NewsFeedWorker.Sources;

/// <summary>One place a topic's alerts go: exactly one of a webhook URL, an ntfy topic URL or an e-mail address.</summary>
public sealed record AlertTarget
{
    /// <summary>JSON POST of the story, signed when <see cref="Secret"/> is set.</summary>
    public Uri? Webhook { get; init; }

    /// <summary>HMAC-SHA256 key of the webhook signature: the text itself, or <c>${NAME}</c> read from settings or the environment.</summary>
    public string? Secret { get; init; }

    /// <summary>An ntfy topic URL, e.g. <c>https://ntfy.sh/my-news</c>.</summary>
    public Uri? Ntfy { get; init; }

    /// <summary>A mail address; sent through the <c>Alerts:Smtp</c> server.</summary>
    public string? Email { get; init; }

    /// <summary>The kind of target: <c>webhook</c>, <c>ntfy</c> or <c>email</c>.</summary>
    public string Kind => Webhook is not null ? "webhook" : Ntfy is not null ? "ntfy" : "email";

    /// <summary>Names the target without its secret (logs, /health, the store's delivery record).</summary>
    public string Describe() => Kind switch
    {
        "webhook" => $"webhook {Webhook!.GetLeftPart(UriPartial.Path)}",
        "ntfy" => $"ntfy {Ntfy!.GetLeftPart(UriPartial.Path)}",
        _ => $"email {Email}",
    };
}
