using Azure.Data.Tables;
using Microsoft.DurableTask;

namespace ReviewWorkflow.DurableTask.WakeUps;

/// <summary>
/// Writes the instance's wake-up row (registered as <c>ScheduleWakeUp</c>). Idempotent: one row per instance, a later
/// schedule replaces an earlier one, and running it twice with the same request leaves the same row.
/// </summary>
public sealed class ScheduleWakeUpActivity(WakeUpScheduler scheduler) : TaskActivity<WakeUpRequest, WakeUpRequest>
{
    public const string Name = "ScheduleWakeUp";

    public override async Task<WakeUpRequest> RunAsync(TaskActivityContext context, WakeUpRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await scheduler.ScheduleAsync(input, CancellationToken.None).ConfigureAwait(false);
        return input;
    }
}
