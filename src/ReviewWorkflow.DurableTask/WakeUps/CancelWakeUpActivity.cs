using Microsoft.DurableTask;

namespace ReviewWorkflow.DurableTask.WakeUps;

/// <summary>
/// Removes the instance's pending wake-up, if any (registered as <c>CancelWakeUp</c>; input: the instance id).
/// Idempotent. Finished instances need not call it: the sweep drops their rows.
/// </summary>
public sealed class CancelWakeUpActivity(WakeUpScheduler scheduler) : TaskActivity<string, bool>
{
    public const string Name = "CancelWakeUp";

    /// <returns>True when a pending wake-up was removed.</returns>
    public override Task<bool> RunAsync(TaskActivityContext context, string input)
    {
        ArgumentException.ThrowIfNullOrEmpty(input);
        return scheduler.CancelAsync(input, CancellationToken.None);
    }
}
