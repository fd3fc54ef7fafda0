using Microsoft.Extensions.Options;
using Microsoft.DurableTask;
using ReviewWorkflow.Notifications.Email;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Email;
using ReviewWorkflow.Workflow.Hosting;

namespace ReviewWorkflow.Workflow.Consultation;

/// <summary>One personal request per consultee. Idempotency key <c>consultation-request/{cycle}/{consultee}/r{round}</c>:
/// however often this runs (retries, restarts), each consultee gets the request once.</summary>
public sealed class SendConsultationRequestsActivity(WorkflowMailer mailer, IConsulteeLinkIssuer links, IOptions<WorkflowOptions> options) : TaskActivity<SendRequestsInput, SendRequestsResult>
{
    public override async Task<SendRequestsResult> RunAsync(TaskActivityContext context, SendRequestsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var mail = input.Mail;
        var sent = new List<string>();
        var failed = new List<string>();
        foreach (var consultee in input.Consultees)
        {
            var link = await links.IssueAsync(mail.CycleId, consultee.Id, mail.LinkExpires(options.Value.LinkValidDaysAfterClose)).ConfigureAwait(false);
            var outcome = await mailer.SendAsync(new OutgoingEmail(
                mail.CycleId,
                new EmailRecipient(consultee.Email, consultee.Name),
                ConsultationEmails.Request(mail, consultee, link.Url),
                "consultation-request",
                $"consultation-request/{mail.CycleId}/{consultee.Id}/r{mail.Round}",
                AuditActions.RequestSent,
                consultee.Id,
                consultee.Id)).ConfigureAwait(false);
            (outcome.Sent ? sent : failed).Add(consultee.Id);
        }

        return new SendRequestsResult(sent, failed);
    }
}
