using Microsoft.DurableTask;
using ReviewWorkflow.DurableTask.WakeUps;
using ReviewWorkflow.Workflow.Cycles;

namespace ReviewWorkflow.Workflow.PersonalData;

/// <summary>
/// The retention process: one eternal orchestration (instance <see cref="InstanceId"/>). Each run asks the activity to
/// redact what is due by the app's clock, then asks the wake-up sweep for a signal at the next retention date, or a
/// day later at most (cycles adopted meanwhile get their dates), waits for it, and continues as new. It never reads
/// <c>CurrentUtcDateTime</c>: time comes from the activity's answer and the sweep, so the development clock and
/// fake-clock tests move it (ARCHITECTURE "Time").
/// </summary>
public sealed class PersonalDataRetentionOrchestrator : TaskOrchestrator<RetentionInput, object?>
{
    public const string Name = "PersonalDataRetention";
    public const string InstanceId = "personal-data-retention";

    public override async Task<object?> RunAsync(TaskOrchestrationContext context, RetentionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var pass = await context.CallActivityAsync<RetentionPassResult>(nameof(RedactDuePersonalDataActivity), input, WorkflowRetry.Activity);
        var daily = pass.Now.AddDays(1);
        var wakeAt = pass.NextDue is { } due && due < daily ? due : daily;
        await context.CallActivityAsync<WakeUpRequest>(ScheduleWakeUpActivity.Name, new WakeUpRequest(context.InstanceId, wakeAt), WorkflowRetry.Activity);
        await context.WaitForExternalEvent<WakeUpSignal>(WakeUpSignal.EventName);
        context.ContinueAsNew(new RetentionInput(input.Pass + 1), preserveUnprocessedEvents: false);
        return null;
    }
}
