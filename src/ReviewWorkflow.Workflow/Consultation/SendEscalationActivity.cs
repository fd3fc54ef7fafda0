using Microsoft.Extensions.Options;
using Microsoft.DurableTask;
using ReviewWorkflow.Notifications.Email;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Email;
using ReviewWorkflow.Workflow.Hosting;

namespace ReviewWorkflow.Workflow.Consultation;

/// <summary>Tells the lead who has not answered (grouped, with bounced addresses), a few days before the close.</summary>
public sealed class SendEscalationActivity(WorkflowMailer mailer, Responses.ResponseStore responses, IOptions<WorkflowOptions> options)
    : TaskActivity<SendEscalationInput, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, SendEscalationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var mail = input.Mail;
        var submitted = (await responses.ListAsync(mail.CycleId).ConfigureAwait(false)).Where(r => r.Submitted).Select(r => r.ConsulteeId).ToHashSet(StringComparer.Ordinal);
        var notAnswered = input.Consultees.Where(c => !submitted.Contains(c.Id)).OrderBy(c => c.Group).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
        if (notAnswered.Count == 0)
        {
            return 0;
        }

        var bounced = notAnswered.Where(c => input.Bounced.Contains(c.Id)).ToList();
        await mailer.SendAsync(new OutgoingEmail(
            mail.CycleId,
            new EmailRecipient(mail.Lead.Email, mail.Lead.Name),
            ConsultationEmails.Escalation(mail, notAnswered, bounced, ConsultationEmails.CycleUrl(options.Value, mail.CycleId)),
            "consultation-escalation",
            $"consultation-escalation/{mail.CycleId}/r{mail.Round}/{input.Date:yyyy-MM-dd}",
            AuditActions.EscalationSent,
            mail.Lead.Email)).ConfigureAwait(false);
        return notAnswered.Count;
    }
}
