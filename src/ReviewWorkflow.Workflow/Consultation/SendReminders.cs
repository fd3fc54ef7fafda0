using Microsoft.DurableTask;
using ReviewWorkflow.Workflow.Cycles;

namespace ReviewWorkflow.Workflow.Consultation;

/// <summary>Remind the consultees who have not submitted (scheduled, or now when the lead asks).</summary>
public sealed record SendReminders(SendRemindersInput Input) : StageEffect
{
    internal override Task RunAsync(TaskOrchestrationContext context) =>
        context.CallActivityAsync<IReadOnlyList<string>>(nameof(SendConsultationRemindersActivity), Input, WorkflowRetry.Activity);
}
