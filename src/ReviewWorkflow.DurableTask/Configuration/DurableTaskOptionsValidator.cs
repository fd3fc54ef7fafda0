using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ReviewWorkflow.DurableTask.Configuration;

/// <summary>Rejects settings the engine would otherwise fail on later, with the configuration key in the message.</summary>
internal sealed partial class DurableTaskOptionsValidator : IValidateOptions<DurableTaskOptions>
{
    public ValidateOptionsResult Validate(string? name, DurableTaskOptions options)
    {
        var errors = new List<string>();
        var section = DurableTaskOptions.SectionName;
        if (options.HubName is null || !HubNamePattern().IsMatch(options.HubName))
        {
            errors.Add($"{section}:HubName '{options.HubName}' must be 3–45 letters or digits and start with a letter.");
        }

        if (options.PartitionCount is < 1 or > 16)
        {
            errors.Add($"{section}:PartitionCount must be between 1 and 16 (was {options.PartitionCount}).");
        }

        if (options.MaxConcurrentOrchestratorFunctions < 1)
        {
            errors.Add($"{section}:MaxConcurrentOrchestratorFunctions must be at least 1 (was {options.MaxConcurrentOrchestratorFunctions}).");
        }

        if (options.MaxConcurrentActivityFunctions < 1)
        {
            errors.Add($"{section}:MaxConcurrentActivityFunctions must be at least 1 (was {options.MaxConcurrentActivityFunctions}).");
        }

        if (options.ExtendedSessionIdleTimeoutInSeconds < 1)
        {
            errors.Add($"{section}:ExtendedSessionIdleTimeoutInSeconds must be at least 1 (was {options.ExtendedSessionIdleTimeoutInSeconds}).");
        }

        if (options.ControlQueueBatchSize is < 1 or > 32)
        {
            errors.Add($"{section}:ControlQueueBatchSize must be between 1 and 32 (was {options.ControlQueueBatchSize}).");
        }

        if (string.IsNullOrWhiteSpace(options.WakeUpsTable) || !TableNamePattern().IsMatch(options.WakeUpsTable))
        {
            errors.Add($"{section}:WakeUpsTable '{options.WakeUpsTable}' must be 3–63 letters or digits and start with a letter.");
        }

        Positive(errors, nameof(options.MaxQueuePollingInterval), options.MaxQueuePollingInterval);
        Positive(errors, nameof(options.WakeUpSweepInterval), options.WakeUpSweepInterval);
        Positive(errors, nameof(options.ControlQueueVisibilityTimeout), options.ControlQueueVisibilityTimeout);
        Positive(errors, nameof(options.WorkItemQueueVisibilityTimeout), options.WorkItemQueueVisibilityTimeout);
        Positive(errors, nameof(options.LeaseInterval), options.LeaseInterval);
        Positive(errors, nameof(options.LeaseRenewInterval), options.LeaseRenewInterval);
        Positive(errors, nameof(options.LeaseAcquireInterval), options.LeaseAcquireInterval);
        if (options.LeaseRenewInterval >= options.LeaseInterval)
        {
            errors.Add($"{section}:LeaseRenewInterval ({options.LeaseRenewInterval}) must be shorter than {section}:LeaseInterval ({options.LeaseInterval}).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Positive(List<string> errors, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{DurableTaskOptions.SectionName}:{key} must be a positive time span such as 00:00:30 (was {value}).");
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    private static partial Regex HubNamePattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex TableNamePattern();
}
