using Microsoft.DurableTask;

namespace ReviewWorkflow.Workflow.Cycles;

/// <summary>The retry policy of every activity call: email and storage outages are usually short. The waits are real
/// durable timers (5 s, then ×3 up to an hour: about 1.5 hours of outage across 8 attempts); business deadlines never are.</summary>
public static class WorkflowRetry
{
    public static TaskOptions Activity { get; } = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 8, firstRetryInterval: TimeSpan.FromSeconds(5), backoffCoefficient: 3, maxRetryInterval: TimeSpan.FromHours(1)));
}
