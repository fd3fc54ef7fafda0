using Microsoft.DurableTask;
using ReviewWorkflow.Workflow.Audit;

namespace ReviewWorkflow.Workflow.Cycles;

/// <summary>Steps every review-cycle orchestrator takes: audit, refuse a command, email staff (waiting is <see cref="CycleInbox"/>'s).</summary>
internal static class OrchestrationSteps
{
    public static Task AuditAsync(TaskOrchestrationContext context, string cycleId, string action, string? subject, string key,
        IReadOnlyDictionary<string, string>? details = null, WorkflowCommand? by = null) =>
        context.CallActivityAsync<long>(nameof(AppendAuditActivity), new AuditRecord
        {
            CycleId = cycleId,
            Actor = by?.Actor ?? "system",
            Role = by?.Role ?? AuditRole.System,
            Action = action,
            Subject = subject,
            Details = details,
            RequestId = by?.RequestId ?? context.InstanceId,
            IdempotencyKey = key,
        }, WorkflowRetry.Activity);

    /// <summary>Records that a command could not be applied; nothing else changes.</summary>
    public static Task RefuseAsync(TaskOrchestrationContext context, string cycleId, WorkflowCommand command, string reason) =>
        AuditAsync(context, cycleId, AuditActions.CommandRefused, command.Kind.ToString(), $"refused/{context.InstanceId}/{command.Id}",
            new Dictionary<string, string> { ["command"] = command.Id, ["reason"] = reason }, command);

    /// <summary>Records that a command was applied (version 2 on: the orchestration alone audits a command's outcome; in
    /// version 1 the façade did, so nothing is written and the history replays unchanged).</summary>
    public static Task AppliedAsync(TaskOrchestrationContext context, string cycleId, WorkflowCommand command)
    {
        if (!CycleStatusPublisher.Projects(context))
        {
            return Task.CompletedTask;
        }

        var (action, subject, details) = CommandAudit.Describe(command);
        return AuditAsync(context, cycleId, action, subject, $"applied/{context.InstanceId}/{command.Id}", details, command);
    }

    public static Task NoticeAsync(TaskOrchestrationContext context, StaffNotice notice) =>
        context.CallActivityAsync<bool>(nameof(SendStaffNoticeActivity), notice, WorkflowRetry.Activity);
}
