using System.Text.RegularExpressions;

namespace NewsFeedWorker.Sources;

/// <summary>A webhook secret as written: the text itself, or <c>${NAME}</c>, a setting or environment variable read when sending.</summary>
public static partial class AlertSecret
{
    public static bool IsReference(string secret) => Reference().IsMatch(secret);

    /// <summary>The key bytes' text: a reference is looked up through <paramref name="lookup"/>; null when it is not set.</summary>
    public static string? Resolve(string secret, Func<string, string?> lookup) =>
        Reference().Match(secret) is { Success: true } m ? lookup(m.Groups["name"].Value) is { Length: > 0 } value ? value : null : secret;

    [GeneratedRegex(@"^\$\{(?<name>[A-Za-z_][A-Za-z0-9_:.]*)\}$")]
    private static partial Regex Reference();
}
