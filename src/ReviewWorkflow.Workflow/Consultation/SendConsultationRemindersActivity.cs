using Microsoft.Extensions.Options;
using Microsoft.DurableTask;
using ReviewWorkflow.Notifications.Email;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Email;
using ReviewWorkflow.Workflow.Hosting;

namespace ReviewWorkflow.Workflow.Consultation;

/// <summary>Reminds consultees who have not submitted (and whose address did not bounce), once per reminder date.</summary>
public sealed class SendConsultationRemindersActivity(WorkflowMailer mailer, IConsulteeLinkIssuer links, Responses.ResponseStore responses, IOptions<WorkflowOptions> options)
    : TaskActivity<SendRemindersInput, IReadOnlyList<string>>
{
    public override async Task<IReadOnlyList<string>> RunAsync(TaskActivityContext context, SendRemindersInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var mail = input.Mail;
        var submitted = (await responses.ListAsync(mail.CycleId).ConfigureAwait(false)).Where(r => r.Submitted).Select(r => r.ConsulteeId).ToHashSet(StringComparer.Ordinal);
        var reminded = new List<string>();
        foreach (var consultee in input.Consultees.Where(c => !submitted.Contains(c.Id) && !input.Excluded.Contains(c.Id)))
        {
            var link = await links.IssueAsync(mail.CycleId, consultee.Id, mail.LinkExpires(options.Value.LinkValidDaysAfterClose)).ConfigureAwait(false);
            var outcome = await mailer.SendAsync(new OutgoingEmail(
                mail.CycleId,
                new EmailRecipient(consultee.Email, consultee.Name),
                ConsultationEmails.Reminder(mail, consultee, link.Url, input.Date),
                "consultation-reminder",
                input.CommandId is { } command ? $"consultation-reminder-now/{mail.CycleId}/{consultee.Id}/r{mail.Round}/{command}" : $"consultation-reminder/{mail.CycleId}/{consultee.Id}/r{mail.Round}/{input.Date:yyyy-MM-dd}",
                AuditActions.ReminderSent,
                consultee.Id,
                consultee.Id)).ConfigureAwait(false);
            if (outcome.Sent)
            {
                reminded.Add(consultee.Id);
            }
        }

        return reminded;
    }
}
