using Microsoft.Extensions.Options;
using Microsoft.DurableTask;
using ReviewWorkflow.Notifications.Email;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Email;
using ReviewWorkflow.Workflow.Hosting;

namespace ReviewWorkflow.Workflow.Cycles;

/// <summary>Sends one staff email (reminder, sign-off request, notice) once per idempotency key, and audits it.</summary>
public sealed class SendStaffNoticeActivity(WorkflowMailer mailer, AuditLog audit, IOptions<WorkflowOptions> options) : TaskActivity<StaffNotice, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, StaffNotice input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.CoveredBy is { } coveredBy)
        {
            await audit.AppendAsync(input.CycleId, new AuditEvent
            {
                Action = AuditActions.ReminderCovered,
                Subject = input.To.Email,
                Details = new System.Text.Json.Nodes.JsonObject { ["coveredBy"] = coveredBy, ["kind"] = Category(input.Kind) },
                IdempotencyKey = input.IdempotencyKey,
            }).ConfigureAwait(false);
            return false;
        }

        var action = input.Kind switch
        {
            NoticeKind.SignOffRequest => AuditActions.SignOffRequested,
            NoticeKind.ReferredBack => AuditActions.ReferredBack,
            NoticeKind.ProgressReportReminder => AuditActions.ProgressReportDue,
            NoticeKind.NextReviewStart => AuditActions.NextReviewStarted,
            NoticeKind.ConsultationOnHold => AuditActions.HoldNoticeSent,
            _ => AuditActions.ReminderSent,
        };
        var outcome = await mailer.SendAsync(new OutgoingEmail(
            input.CycleId,
            new EmailRecipient(input.To.Email, input.To.Name),
            StaffEmails.Render(input, options.Value),
            Category(input.Kind),
            input.IdempotencyKey,
            action,
            input.To.Email)).ConfigureAwait(false);
        return outcome.Sent;
    }

    private static string Category(NoticeKind kind) => kind switch
    {
        NoticeKind.DraftingReminder => "drafting-reminder",
        NoticeKind.SignOffRequest => "sign-off-request",
        NoticeKind.ReferredBack => "referred-back",
        NoticeKind.PublicationReminder => "publication-reminder",
        NoticeKind.KeyDecisionNoticeReminder => "key-decision-reminder",
        NoticeKind.DecisionDue => "decision-due",
        NoticeKind.ProgressReportReminder => "progress-report-reminder",
        NoticeKind.ConsultationOnHold => "consultation-hold",
        _ => "next-review",
    };
}
