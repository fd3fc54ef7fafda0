using Microsoft.DurableTask;

namespace ReviewWorkflow.Workflow.Cycles;

/// <summary>Append an audit row for something the stage did (a route advanced, a meeting moved, a consultation closed).</summary>
/// <param name="Key">The idempotency key: a replayed or retried activity appends the row once.</param>
/// <param name="By">The command that caused it (its actor and request id), or null for the system.</param>
public sealed record RecordAudit(string CycleId, string Action, string? Subject, string Key, IReadOnlyDictionary<string, string>? Details = null, WorkflowCommand? By = null) : StageEffect
{
    internal override Task RunAsync(TaskOrchestrationContext context) =>
        OrchestrationSteps.AuditAsync(context, CycleId, Action, Subject, Key, Details, By);
}
