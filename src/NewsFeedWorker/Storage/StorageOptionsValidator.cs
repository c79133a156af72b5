using Microsoft.Extensions.Options;

namespace NewsFeedWorker.Storage;

/// <summary>Checks the "Storage" section and names the offending key in each failure.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Provider))
        {
            failures.Add($"Storage:Provider must be Sqlite or Postgres, not '{options.Provider}'.");
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add(options.Provider == StorageProvider.Postgres
                ? "Storage:ConnectionString is required when Storage:Provider is Postgres."
                : "Storage:ConnectionString is empty.");
        }

        Positive(options.RecheckWindow, "RecheckWindow", failures);
        Positive(options.RetentionMaxAge, "RetentionMaxAge", failures);
        Positive(options.TombstoneLifetime, "TombstoneLifetime", failures);
        Positive(options.PruneInterval, "PruneInterval", failures);
        Positive(options.NearDuplicateWindow, "NearDuplicateWindow", failures);
        Positive(options.BusyTimeout, "BusyTimeout", failures);
        if (options.RetentionMaxItemsPerSource < 1)
        {
            failures.Add($"Storage:RetentionMaxItemsPerSource must be at least 1, not {options.RetentionMaxItemsPerSource}.");
        }

        if (options.NearDuplicateMaxDistance is < 0 or > 3)
        {
            failures.Add($"Storage:NearDuplicateMaxDistance must be between 0 and 3 (bits of 64; the index finds matches up to 3), not {options.NearDuplicateMaxDistance}.");
        }

        if (options.NearDuplicateMinTextLength < 1)
        {
            failures.Add($"Storage:NearDuplicateMinTextLength must be at least 1, not {options.NearDuplicateMinTextLength}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(TimeSpan value, string key, List<string> failures)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"Storage:{key} must be a positive duration, not {value}.");
        }
    }
}
