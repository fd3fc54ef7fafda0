using ReviewWorkflow.Workflow.Audit;
using static ReviewWorkflow.Workflow.Deadlines.DateText;

namespace ReviewWorkflow.Workflow.Cycles;

public sealed partial class ReviewCycleService
{
    /// <summary>
    /// The lead reminds, now, every consultee who has not submitted and whose email did not bounce, with the same
    /// reminder email as the scheduled ones. Only while the consultation is open; each consultee gets at most one
    /// reminder per idempotency key, however often the call or the orchestration's step is retried.
    /// </summary>
    public Task<CycleResult> SendReminderNowAsync(string cycleId, Actor actor, string requestId, string idempotencyKey, CancellationToken cancellationToken = default) =>
        CommandAsync(new(cycleId, actor, requestId, idempotencyKey), new WorkflowCommand { Kind = CommandKind.RemindNow }, (view, today) =>
        {
            if (view.Stage != CycleStage.Consultation)
            {
                return WrongStage(view, "stage", "send reminders");
            }

            if (view.ConsultationHold is { OnHold: true })
            {
                return OnHold(view, "send reminders");
            }

            return today < view.ConsultationOpens
                ? CycleResult.Conflict(view.CycleId, "stage", $"The consultation opens on {Format(view.ConsultationOpens)}; the requests go out then, so there is no one to remind yet.")
                : null;
        }, cancellationToken);
}
