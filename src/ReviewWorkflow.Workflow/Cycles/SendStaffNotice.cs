using Microsoft.DurableTask;

namespace ReviewWorkflow.Workflow.Cycles;

/// <summary>Email a member of staff (lead, director, clerk) through <see cref="SendStaffNoticeActivity"/>.</summary>
public sealed record SendStaffNotice(StaffNotice Notice) : StageEffect
{
    internal override Task RunAsync(TaskOrchestrationContext context) => OrchestrationSteps.NoticeAsync(context, Notice);
}
