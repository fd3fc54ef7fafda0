using Microsoft.DurableTask;

namespace ReviewWorkflow.Workflow.Cycles;

/// <summary>Audit that a command was refused, with the reason the person sees; nothing else changes.</summary>
public sealed record RecordRefusal(string CycleId, WorkflowCommand Command, string Reason) : StageEffect
{
    internal override Task RunAsync(TaskOrchestrationContext context) => OrchestrationSteps.RefuseAsync(context, CycleId, Command, Reason);
}
