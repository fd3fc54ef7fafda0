using ReviewWorkflow.Workflow.Email;
using ReviewWorkflow.Workflow.Hosting;
using static ReviewWorkflow.Workflow.Deadlines.DateText;

namespace ReviewWorkflow.Workflow.Cycles;

/// <summary>Wording of the staff emails.</summary>
public static class StaffEmails
{
    public static EmailContent Render(StaffNotice n, WorkflowOptions options)
    {
        ArgumentNullException.ThrowIfNull(n);
        ArgumentNullException.ThrowIfNull(options);
        var cycleUrl = options.Url("cycles/" + Uri.EscapeDataString(n.CycleId));
        var due = n.DueDate is { } d ? WithDay(d) : "";
        var meeting = n.MeetingDate is { } m ? Format(m) : "";
        var b = new EmailBuilder().Para($"Dear {n.To.Name},");
        switch (n.Kind)
        {
            case NoticeKind.DraftingReminder:
                return b.Para($"The draft of the {n.Title} is due on {due}. Submit it with its \"you said, we did\" from the cycle's page; the ratification route starts from it.")
                    .Link("Submit the draft", cycleUrl).Build($"Draft due {Format(n.DueDate!.Value)}: {n.Title}");
            case NoticeKind.SignOffRequest:
                return b.Para($"Draft {n.DraftVersion} of the {n.Title} is ready for your sign-off before it goes to the first committee.")
                    .Link("Read the draft", n.DraftUrl ?? cycleUrl).Link("Sign it off or send it back", cycleUrl)
                    .Build($"Sign-off needed: {n.Title} (draft {n.DraftVersion})");
            case NoticeKind.ReferredBack:
                return b.Para($"{n.Body} referred the {n.Title} back at its meeting on {meeting}, with these comments:")
                    .Para(n.Comments ?? "")
                    .Para($"Please submit a revised draft; the route resumes at {n.Body}.")
                    .Link("Submit a revised draft", cycleUrl).Build($"Referred back by {n.Body}: {n.Title}");
            case NoticeKind.PublicationReminder:
                return b.Para($"The report on the {n.Title} for {n.Body} ({meeting}) must be published by {due}: five clear days before the meeting (Local Government Act 1972, Part VA).")
                    .Link("Open the review cycle", cycleUrl).Build($"Report for {n.Body} due for publication {Format(n.DueDate!.Value)}: {n.Title}");
            case NoticeKind.KeyDecisionNoticeReminder:
                return b.Para($"The decision on the {n.Title} at {n.Body} ({meeting}) is a key decision. Its notice must be published by {due}, 28 clear days before (SI 2012/2089, reg 9); otherwise use the general exception or special urgency.")
                    .Link("Open the review cycle", cycleUrl).Build($"Key-decision notice for {n.Body} due {Format(n.DueDate!.Value)}: {n.Title}");
            case NoticeKind.DecisionDue:
                return b.Para($"{n.Body} met on {meeting} to consider the {n.Title}, but its decision has not been recorded. Please record it (outcome, minute reference, resolution) so the cycle can move on.")
                    .Link("Record the decision", options.Url("clerk")).Build($"Decision not yet recorded: {n.Body}, {meeting}");
            case NoticeKind.ProgressReportReminder:
                return b.Para($"The {n.Label} progress report on the {n.Title} is due on {due}. Review the scorecard and the action plan, and involve children and young people in the evaluation.")
                    .Link("Open the strategy", cycleUrl).Build($"{Capitalise(n.Label)} progress report due {Format(n.DueDate!.Value)}: {n.Title}");
            case NoticeKind.NextReviewStart:
                return b.Para($"The {n.Title} expires on {due}. It is time to start its review. A new cycle has been prepared from this one: same pledges, consultee groups and route; choose the new dates and check the consultees.")
                    .Link("Start the next review", options.Url("cycles/new?from=" + Uri.EscapeDataString(n.CycleId)))
                    .Build($"Time to start the review of the {n.Title}");
            case NoticeKind.ConsultationOnHold:
                var groups = string.Join(", ", n.Groups ?? []);
                return b.Para($"The consultation on the {n.Title} is on hold: the council's directory could not be reached to read who is in {groups}. No consultation request has gone out, to anyone, so that nobody is left out.")
                    .Para($"The consultation will open as soon as the directory answers: it is asked again every hour, and the requests then go to everyone. The closing date stays {due}; if the hold lasts, extend it from the cycle's page. You will not get this email again for this hold.")
                    .Link("Open the review cycle", cycleUrl).Build($"Consultation on hold (directory unreachable): {n.Title}");
            default:
                throw new ArgumentOutOfRangeException(nameof(n), n.Kind, "Unknown notice kind.");
        }
    }

    private static string Capitalise(string? s) => string.IsNullOrEmpty(s) ? "" : char.ToUpperInvariant(s[0]) + s[1..];
}
