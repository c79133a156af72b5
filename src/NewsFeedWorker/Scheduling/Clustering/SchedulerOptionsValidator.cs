using Microsoft.Extensions.Options;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Scheduling.Clustering;

/// <summary>Checks the "Scheduler" section; cluster mode needs the PostgreSQL store, since the schedule lives beside the feeds.</summary>
public sealed class SchedulerOptionsValidator(IOptions<StorageOptions> storage) : IValidateOptions<SchedulerOptions>
{
    public ValidateOptionsResult Validate(string? name, SchedulerOptions options)
    {
        var failures = new List<string>();
        if (options.Clustered && storage.Value.Provider != StorageProvider.Postgres)
        {
            failures.Add($"Scheduler:Clustered=true needs Storage:Provider=Postgres (not {storage.Value.Provider}): the nodes share their schedule and their feeds through one PostgreSQL database.");
        }

        if (options.CheckinInterval <= TimeSpan.Zero)
        {
            failures.Add($"Scheduler:CheckinInterval must be a positive duration, not {options.CheckinInterval}.");
        }

        if (options.CheckinMisfireThreshold <= TimeSpan.Zero)
        {
            failures.Add($"Scheduler:CheckinMisfireThreshold must be a positive duration, not {options.CheckinMisfireThreshold}.");
        }

        if (options.MisfireThreshold <= TimeSpan.Zero)
        {
            failures.Add($"Scheduler:MisfireThreshold must be a positive duration, not {options.MisfireThreshold}.");
        }

        if (string.IsNullOrWhiteSpace(options.TablePrefix) || !options.TablePrefix.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            failures.Add($"Scheduler:TablePrefix must be letters, digits and '_', not '{options.TablePrefix}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
