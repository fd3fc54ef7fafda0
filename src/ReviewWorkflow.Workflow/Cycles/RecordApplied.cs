using Microsoft.DurableTask;

namespace ReviewWorkflow.Workflow.Cycles;

/// <summary>Audit that a command was applied (from version 2; see <see cref="OrchestrationSteps.AppliedAsync"/>).</summary>
public sealed record RecordApplied(string CycleId, WorkflowCommand Command) : StageEffect
{
    internal override Task RunAsync(TaskOrchestrationContext context) => OrchestrationSteps.AppliedAsync(context, CycleId, Command);
}
