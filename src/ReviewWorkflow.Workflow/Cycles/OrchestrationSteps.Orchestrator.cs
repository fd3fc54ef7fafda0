using ReviewWorkflow.Durable;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Cycles;

namespace ReviewWorkflow.Orchestrations;

/// <summary>Steps every review-cycle orchestrator takes: wait for a command or a time, audit, email staff.</summary>
internal static class OrchestrationSteps
{
    /// <summary>
    /// Waits for the next <see cref="WorkflowCommand"/> or until <paramref name="until"/>, whichever comes first (null =
    /// the time came). One waiter and one timer at a time; both are cancelled before returning, and a command that
    /// arrived in the same step as the timer is still returned, so none is lost.
    /// </summary>
    public static async Task<WorkflowCommand?> NextCommandAsync(TaskOrchestrationContext context, DateTime? until)
    {
        using var cancel = new CancellationTokenSource();
        var command = context.WaitForExternalEvent<WorkflowCommand>(WorkflowCommand.EventName, cancel.Token);
        if (command.IsCompleted || until is null)
        {
            return await command;
        }

        var timer = context.CreateTimer(until.Value, cancel.Token);
        await Task.WhenAny(command, timer);
        if (command.IsCompletedSuccessfully)
        {
            cancel.Cancel();
            return command.Result;
        }

        cancel.Cancel();
        return null;
    }

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

    public static Task NoticeAsync(TaskOrchestrationContext context, StaffNotice notice) =>
        context.CallActivityAsync<bool>(nameof(SendStaffNoticeActivity), notice, WorkflowRetry.Activity);
}
