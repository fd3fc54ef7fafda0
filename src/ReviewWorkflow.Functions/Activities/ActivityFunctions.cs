using Microsoft.Azure.Functions.Worker;
using ReviewWorkflow.DurableTask.WakeUps;
using ReviewWorkflow.Workflow.Consultation;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.PersonalData;

namespace ReviewWorkflow.Functions.Activities;

/// <summary>
/// One Durable Functions activity per registered activity, named as registered (the name orchestrators call), each
/// delegating to its class. <c>instanceId</c> is the trigger's binding data: the calling orchestration.
/// </summary>
public sealed class ActivityFunctions(RegisteredActivities activities)
{
    [Function(nameof(AppendAuditActivity))]
    public Task<long> AppendAudit([ActivityTrigger] AuditRecord input, string instanceId) =>
        activities.RunAsync<AppendAuditActivity, AuditRecord, long>(nameof(AppendAuditActivity), input, instanceId);

    [Function(nameof(SendStaffNoticeActivity))]
    public Task<bool> SendStaffNotice([ActivityTrigger] StaffNotice input, string instanceId) =>
        activities.RunAsync<SendStaffNoticeActivity, StaffNotice, bool>(nameof(SendStaffNoticeActivity), input, instanceId);

    [Function(nameof(ResolveConsulteesActivity))]
    public Task<ResolvedConsultees> ResolveConsultees([ActivityTrigger] ResolveConsulteesInput input, string instanceId) =>
        activities.RunAsync<ResolveConsulteesActivity, ResolveConsulteesInput, ResolvedConsultees>(nameof(ResolveConsulteesActivity), input, instanceId);

    [Function(nameof(SendConsultationRequestsActivity))]
    public Task<SendRequestsResult> SendConsultationRequests([ActivityTrigger] SendRequestsInput input, string instanceId) =>
        activities.RunAsync<SendConsultationRequestsActivity, SendRequestsInput, SendRequestsResult>(nameof(SendConsultationRequestsActivity), input, instanceId);

    [Function(nameof(SendConsultationRemindersActivity))]
    public Task<IReadOnlyList<string>> SendConsultationReminders([ActivityTrigger] SendRemindersInput input, string instanceId) =>
        activities.RunAsync<SendConsultationRemindersActivity, SendRemindersInput, IReadOnlyList<string>>(nameof(SendConsultationRemindersActivity), input, instanceId);

    [Function(nameof(SendEscalationActivity))]
    public Task<int> SendEscalation([ActivityTrigger] SendEscalationInput input, string instanceId) =>
        activities.RunAsync<SendEscalationActivity, SendEscalationInput, int>(nameof(SendEscalationActivity), input, instanceId);

    [Function(nameof(SendBounceNoticeActivity))]
    public Task<bool> SendBounceNotice([ActivityTrigger] SendBounceNoticeInput input, string instanceId) =>
        activities.RunAsync<SendBounceNoticeActivity, SendBounceNoticeInput, bool>(nameof(SendBounceNoticeActivity), input, instanceId);

    [Function(nameof(CountResponsesActivity))]
    public Task<CycleCounts> CountResponses([ActivityTrigger] CountResponsesInput input, string instanceId) =>
        activities.RunAsync<CountResponsesActivity, CountResponsesInput, CycleCounts>(nameof(CountResponsesActivity), input, instanceId);

    [Function(nameof(RedactDuePersonalDataActivity))]
    public Task<RetentionPassResult> RedactDuePersonalData([ActivityTrigger] RetentionInput input, string instanceId) =>
        activities.RunAsync<RedactDuePersonalDataActivity, RetentionInput, RetentionPassResult>(nameof(RedactDuePersonalDataActivity), input, instanceId);

    [Function(nameof(ProjectCycleActivity))]
    public Task<bool> ProjectCycle([ActivityTrigger] CycleProjection input, string instanceId) =>
        activities.RunAsync<ProjectCycleActivity, CycleProjection, bool>(nameof(ProjectCycleActivity), input, instanceId);

    [Function(ScheduleWakeUpActivity.Name)]
    public Task<WakeUpRequest> ScheduleWakeUp([ActivityTrigger] WakeUpRequest input, string instanceId) =>
        activities.RunAsync<ScheduleWakeUpActivity, WakeUpRequest, WakeUpRequest>(ScheduleWakeUpActivity.Name, input, instanceId);

    [Function(CancelWakeUpActivity.Name)]
    public Task<bool> CancelWakeUp([ActivityTrigger] string input, string instanceId) =>
        activities.RunAsync<CancelWakeUpActivity, string, bool>(CancelWakeUpActivity.Name, input, instanceId);
}
