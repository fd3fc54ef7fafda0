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

/// <summary>Counts per group at the close: submitted (and how many late), in progress, bounced.</summary>
public sealed class CountResponsesActivity(Responses.ResponseStore responses) : TaskActivity<CountResponsesInput, Cycles.CycleCounts>
{
    public override async Task<Cycles.CycleCounts> RunAsync(TaskActivityContext context, CountResponsesInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var stored = (await responses.ListAsync(input.CycleId).ConfigureAwait(false)).ToDictionary(r => r.ConsulteeId, StringComparer.Ordinal);
        var groups = input.Consultees.GroupBy(c => (c.Group, c.GroupName)).OrderBy(g => g.Key.Group).Select(g =>
        {
            var submitted = g.Count(c => stored.TryGetValue(c.Id, out var r) && r.Submitted);
            var late = g.Count(c => stored.TryGetValue(c.Id, out var r) && r.Submitted && r.Late);
            var inProgress = g.Count(c => stored.TryGetValue(c.Id, out var r) && !r.Submitted);
            var bounced = g.Count(c => input.Bounced.Contains(c.Id));
            return new Cycles.GroupCount(g.Key.GroupName, g.Count(), submitted, late, inProgress, bounced);
        }).ToList();
        return new Cycles.CycleCounts
        {
            Consultees = input.Consultees.Count,
            RequestsSent = input.RequestsSent,
            ResponsesSubmitted = groups.Sum(g => g.Submitted),
            Bounced = input.Bounced.Count,
            Groups = groups,
        };
    }
}
