using Microsoft.DurableTask;
using ReviewWorkflow.Workflow.Cycles;

namespace ReviewWorkflow.Workflow.Consultation;

/// <summary>Send the lead the list of those who have not answered yet.</summary>
public sealed record SendEscalation(SendEscalationInput Input) : StageEffect
{
    internal override Task RunAsync(TaskOrchestrationContext context) =>
        context.CallActivityAsync<int>(nameof(SendEscalationActivity), Input, WorkflowRetry.Activity);
}
