using System.Net.Mail;
using System.Text.RegularExpressions;

namespace NewsFeedWorker.Sources;

/// <summary>Checks one topic's values (the JSON shape is already checked) against the sources; each problem names its key.</summary>
internal static partial class TopicValidator
{
    public static IEnumerable<string> Validate(TopicDefinition topic, IReadOnlyList<SourceDefinition> sources)
    {
        if (!IdShape().IsMatch(topic.Id))
        {
            yield return $"key \"id\": \"{topic.Id}\" is not a topic id: lower-case letters, digits, '-' and '_' (it appears in the feed URL).";
        }

        if (string.IsNullOrWhiteSpace(topic.Name))
        {
            yield return "key \"name\": a name is required.";
        }

        if (!ConditionsValidator.HasCondition(topic) && topic.Sources.Count == 0)
        {
            yield return "a topic needs at least one of \"any\", \"all\", \"regex\" or \"sources\" (it would match every article).";
        }

        foreach (var problem in ConditionsValidator.Validate(topic, ""))
        {
            yield return problem;
        }

        for (var i = 0; i < topic.Sources.Count; i++)
        {
            if (!sources.Any(s => string.Equals(s.Id, topic.Sources[i], StringComparison.Ordinal)))
            {
                yield return $"key \"sources[{i}]\": \"{topic.Sources[i]}\" is not the id of a source in this file.";
            }
        }

        for (var i = 0; i < topic.Alerts.Count; i++)
        {
            foreach (var problem in ValidateAlert(topic.Alerts[i], $"alerts[{i}]"))
            {
                yield return problem;
            }
        }

        if (topic.AlertOnCorrections && topic.Alerts.Count == 0)
        {
            yield return "key \"alertOnCorrections\": the topic has no \"alerts\" to send an updated alert to; add a target or remove the key.";
        }
    }

    private static IEnumerable<string> ValidateAlert(AlertTarget alert, string key)
    {
        var kinds = (alert.Webhook is null ? 0 : 1) + (alert.Ntfy is null ? 0 : 1) + (alert.Email is null ? 0 : 1);
        if (kinds != 1)
        {
            yield return $"key \"{key}\": give exactly one of \"webhook\", \"ntfy\" or \"email\".";
            yield break;
        }

        foreach (var (name, url) in new[] { ("webhook", alert.Webhook), ("ntfy", alert.Ntfy) })
        {
            if (url is not null && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https") || string.IsNullOrEmpty(url.Host)))
            {
                yield return $"key \"{key}.{name}\": \"{url.OriginalString}\" is not an absolute http:// or https:// URL.";
            }
        }

        if (alert.Ntfy is { IsAbsoluteUri: true } ntfy && ntfy.AbsolutePath.Trim('/').Length == 0)
        {
            yield return $"key \"{key}.ntfy\": \"{ntfy.OriginalString}\" names no topic; write the topic URL, e.g. \"https://ntfy.sh/my-news\".";
        }

        if (alert.Email is { } email && !MailAddress.TryCreate(email, out _))
        {
            yield return $"key \"{key}.email\": \"{email}\" is not an e-mail address.";
        }

        if (alert.Secret is { } secret)
        {
            if (alert.Webhook is null)
            {
                yield return $"key \"{key}.secret\": only a webhook is signed; remove the secret.";
            }
            else if (secret.Length == 0 || (secret.StartsWith("${", StringComparison.Ordinal) && !AlertSecret.IsReference(secret)))
            {
                yield return $"key \"{key}.secret\": \"{secret}\" is neither a secret nor a reference such as \"${{NFW_HOOK_SECRET}}\".";
            }
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex IdShape();
}
