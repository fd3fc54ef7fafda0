using Microsoft.DurableTask;
using ReviewWorkflow.Workflow.Cycles;

namespace ReviewWorkflow.Workflow.Consultation;

/// <summary>Tell the lead that a consultee's request did not arrive.</summary>
public sealed record SendBounceNotice(SendBounceNoticeInput Input) : StageEffect
{
    internal override Task RunAsync(TaskOrchestrationContext context) =>
        context.CallActivityAsync<bool>(nameof(SendBounceNoticeActivity), Input, WorkflowRetry.Activity);
}
