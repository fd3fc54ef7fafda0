using Microsoft.Extensions.Options;
using Microsoft.DurableTask;
using ReviewWorkflow.Notifications.Email;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Email;
using ReviewWorkflow.Workflow.Hosting;

namespace ReviewWorkflow.Workflow.Consultation;

/// <summary>Tells the lead that a consultee's email did not arrive.</summary>
public sealed class SendBounceNoticeActivity(WorkflowMailer mailer, IOptions<WorkflowOptions> options) : TaskActivity<SendBounceNoticeInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, SendBounceNoticeInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var mail = input.Mail;
        var outcome = await mailer.SendAsync(new OutgoingEmail(
            mail.CycleId,
            new EmailRecipient(mail.Lead.Email, mail.Lead.Name),
            ConsultationEmails.BounceNotice(mail, input.Consultee, input.Report, ConsultationEmails.CycleUrl(options.Value, mail.CycleId)),
            "bounce-notice",
            $"bounce-notice/{mail.CycleId}/{input.Report.ConsulteeId}/{input.Report.EventId}",
            AuditActions.BounceFlagged,
            input.Report.ConsulteeId)).ConfigureAwait(false);
        return outcome.Sent;
    }
}
