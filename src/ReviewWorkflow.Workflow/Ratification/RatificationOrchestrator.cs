using Microsoft.DurableTask;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Validation;
using static ReviewWorkflow.Workflow.Deadlines.DateText;

namespace ReviewWorkflow.Workflow.Ratification;

/// <summary>
/// Ratification (every version): body by body, reminders to lead and clerk before each statutory date (report publication,
/// key-decision notice; <see cref="DueReminders"/>: late rather than never, a later body's publication only once the
/// earlier bodies decided), a weekly escalation to clerk and lead from the working day after a meeting whose decision is
/// not recorded (<see cref="DecisionEscalation"/>), and the clerk's decisions applied through <see cref="DecisionOutcomes.Effect"/>. A decision that does not fit
/// (wrong body, wrong meeting, missing minute) is refused in the audit trail and changes nothing.
/// </summary>
public sealed class RatificationOrchestrator : TaskOrchestrator<RatificationInput, RatificationResult>
{
    public override async Task<RatificationResult> RunAsync(TaskOrchestrationContext context, RatificationInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var publisher = new CycleStatusPublisher(context);
        var settings = input.Settings;
        var cycleId = input.CycleId;
        var definition = input.Definition;
        var route = definition.Route.ToList();
        var index = input.StartIndex;
        var sent = input.SentReminders.ToList();
        var decisions = input.Status.Decisions.ToList();
        var status = input.Status with { Stage = CycleStage.Ratification, ActiveInstanceId = context.InstanceId };
        var inbox = new CycleInbox(context, input.Now);
        RatificationResult? result = null;
        while (result is null)
        {
            var now = inbox.Now;
            var today = CouncilTime.DateOf(now, settings);
            var current = definition with { Route = route };
            var step = route[index];
            var due = new List<DateTime>();
            var reminders = RatificationReminders.For(current, settings, index, keyDecisionOnly: false);
            var dueNow = DueReminders.Now(reminders, sent, now, index, settings);
            foreach (var reminder in dueNow)
            {
                sent.Add(reminder.Key); // late rather than never: a reminder whose day was jumped over still goes, once
                await SendReminderAsync(context, current, reminder, DueReminders.CoveredBy(reminder, dueNow));
            }

            if (DueReminders.Next(reminders, sent, index, settings) is { } nextReminder)
            {
                due.Add(nextReminder);
            }

            if (DecisionEscalation.DueNow(index, step.MeetingDate, sent, now, settings) is { } week)
            {
                var escalationKey = DecisionEscalation.Key(index, step.MeetingDate, week);
                sent.Add(escalationKey);
                await OrchestrationSteps.NoticeAsync(context, Notice(current, index, NoticeKind.DecisionDue, Clerk(step, definition), $"{escalationKey}/{cycleId}", step.MeetingDate));
                if (!string.Equals(Clerk(step, definition).Email, definition.Lead.Email, StringComparison.OrdinalIgnoreCase))
                {
                    await OrchestrationSteps.NoticeAsync(context, Notice(current, index, NoticeKind.DecisionDue, definition.Lead, $"{escalationKey}/{cycleId}/lead", step.MeetingDate));
                }
            }

            due.Add(DecisionEscalation.Next(step.MeetingDate, now, settings));

            var publication = ReviewWorkflow.Workflow.Deadlines.ClearDays.LatestPublicationDate(step.MeetingDate, settings);
            status = status with
            {
                CurrentBody = step.Body,
                CurrentBodyIndex = index,
                Route = route,
                Decisions = decisions,
                NextDeadline = today <= publication
                    ? new NextDeadline(publication, $"Publish the report for {step.Body} ({Format(step.MeetingDate)})")
                    : today <= step.MeetingDate
                        ? new NextDeadline(step.MeetingDate, $"{step.Body} meets")
                        : new NextDeadline(step.MeetingDate, $"Record {step.Body}'s decision (it met on {Format(step.MeetingDate)})", Overdue: true),
                UpdatedAt = now,
            };
            status = await publisher.PublishAsync(status);

            var command = await inbox.NextCommandAsync(due.Count > 0 ? due.Min() : null);
            if (command is null || status.RecentCommands.Contains(command.Id))
            {
                continue;
            }

            status = status.WithCommand(command.Id);
            today = CouncilTime.DateOf(inbox.Now, settings);
            switch (command.Kind)
            {
                case CommandKind.RecordDecision when command.Decision is { } decision:
                    var errors = DecisionValidator.Validate(route, index, decision, today, decisions);
                    if (errors.Count > 0)
                    {
                        await OrchestrationSteps.RefuseAsync(context, cycleId, command, errors[0].Message);
                        break;
                    }

                    await OrchestrationSteps.AppliedAsync(context, cycleId, command);
                    var summary = new DecisionSummary(step.Body, decision.MeetingDate, decision.Outcome, decision.MinuteReference, decision.Comments, decision.NewMeetingDate);
                    decisions.Add(summary);
                    status = status with { Decisions = decisions };
                    switch (DecisionOutcomes.Effect(decision.Outcome, index == route.Count - 1))
                    {
                        case RouteEffect.NextBody:
                            index++;
                            await OrchestrationSteps.AuditAsync(context, cycleId, AuditActions.RouteAdvanced, route[index].Body, $"route-advanced/{context.InstanceId}/{command.Id}",
                                new Dictionary<string, string> { ["from"] = step.Body, ["outcome"] = Text(decision.Outcome) }, command);
                            break;
                        case RouteEffect.Deferred:
                            route[index] = step with { MeetingDate = decision.NewMeetingDate!.Value };
                            await OrchestrationSteps.AuditAsync(context, cycleId, AuditActions.MeetingDeferred, step.Body, $"deferred/{context.InstanceId}/{command.Id}",
                                new Dictionary<string, string> { ["from"] = $"{step.MeetingDate:yyyy-MM-dd}", ["to"] = $"{decision.NewMeetingDate:yyyy-MM-dd}" }, command);
                            break;
                        case RouteEffect.Adopted:
                            result = Finish(publisher, inbox, RatificationOutcome.Adopted, index, summary, route, sent, status);
                            break;
                        case RouteEffect.ReferredBack:
                            result = Finish(publisher, inbox, RatificationOutcome.ReferredBack, index, summary, route, sent, status);
                            break;
                        default:
                            result = Finish(publisher, inbox, RatificationOutcome.Rejected, index, summary, route, sent, status);
                            break;
                    }

                    break;
                case CommandKind.SetMeetingDate when command.Date is { } date:
                    var dateErrors = RouteOrder.MeetingChange(route, index, command.Body, date, today, decisions);
                    if (dateErrors.Count > 0)
                    {
                        await OrchestrationSteps.RefuseAsync(context, cycleId, command, dateErrors[0].Message);
                    }
                    else
                    {
                        var at = RouteOrder.IndexOf(route, index, command.Body);
                        var moved = route[at];
                        route[at] = moved with { MeetingDate = date };
                        await OrchestrationSteps.AuditAsync(context, cycleId, AuditActions.MeetingRescheduled, moved.Body, $"rescheduled/{context.InstanceId}/{command.Id}",
                            new Dictionary<string, string> { ["from"] = $"{moved.MeetingDate:yyyy-MM-dd}", ["to"] = $"{date:yyyy-MM-dd}" }, command);
                    }

                    break;
                default:
                    await OrchestrationSteps.RefuseAsync(context, cycleId, command, $"The report is with {step.Body} for a decision; {command.Kind} is not possible now.");
                    break;
            }
        }

        return result;
    }

    /// <param name="coveredBy">A later reminder of the same deadline going at the same moment: this one is then recorded
    /// as covered by it rather than emailed (the same activity calls either way, so running cycles replay unchanged).</param>
    private static async Task SendReminderAsync(TaskOrchestrationContext context, ReviewCycleDefinition definition, RatificationReminder reminder, RatificationReminder? coveredBy)
    {
        var kind = reminder.Kind == ReminderKind.Publication ? NoticeKind.PublicationReminder : NoticeKind.KeyDecisionNoticeReminder;
        var step = definition.Route[reminder.BodyIndex];
        var key = $"ratification-reminder/{definition.Id}/{reminder.Key}";
        string? Cover(string to) => coveredBy is null ? null : $"ratification-reminder/{definition.Id}/{coveredBy.Key}/{to}";
        await OrchestrationSteps.NoticeAsync(context, Notice(definition, reminder.BodyIndex, kind, definition.Lead, key + "/lead", reminder.Target) with { CoveredBy = Cover("lead") });
        if (step.ClerkEmail is { } clerk && !string.Equals(clerk, definition.Lead.Email, StringComparison.OrdinalIgnoreCase))
        {
            await OrchestrationSteps.NoticeAsync(context, Notice(definition, reminder.BodyIndex, kind, Clerk(step, definition), key + "/clerk", reminder.Target) with { CoveredBy = Cover("clerk") });
        }
    }

    /// <summary>Reminders of key-decision notices for bodies from <paramref name="fromIndex"/> (the parent sends these before ratification).</summary>
    internal static async Task SendDueKeyDecisionRemindersAsync(TaskOrchestrationContext context, DateTime now, ReviewCycleDefinition definition, CouncilSettings settings, List<string> sent)
    {
        var dueNow = DueReminders.Now(RatificationReminders.For(definition, settings, 0, keyDecisionOnly: true), sent, now, 0, settings);
        foreach (var reminder in dueNow)
        {
            sent.Add(reminder.Key);
            await SendReminderAsync(context, definition, reminder, DueReminders.CoveredBy(reminder, dueNow));
        }
    }

    /// <summary>When the next key-decision reminder is due, or null.</summary>
    internal static DateTime? NextKeyDecisionReminder(ReviewCycleDefinition definition, CouncilSettings settings, List<string> sent) =>
        DueReminders.Next(RatificationReminders.For(definition, settings, 0, keyDecisionOnly: true), sent, 0, settings);

    private static Person Clerk(RouteStep step, ReviewCycleDefinition definition) =>
        step.ClerkEmail is { } email ? new Person { Name = $"Clerk to {step.Body}", Email = email } : definition.Lead;

    private static StaffNotice Notice(ReviewCycleDefinition definition, int index, NoticeKind kind, Person to, string key, DateOnly due) => new()
    {
        CycleId = definition.Id,
        Kind = kind,
        To = to,
        IdempotencyKey = key,
        Title = definition.Strategy.Title,
        DueDate = due,
        Body = definition.Route[index].Body,
        MeetingDate = definition.Route[index].MeetingDate,
    };

    private static string Text(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.ReferBack => "refer-back",
        _ => outcome.ToString().ToLowerInvariant(),
    };

    private static RatificationResult Finish(CycleStatusPublisher publisher, CycleInbox inbox, RatificationOutcome outcome, int index, DecisionSummary decision,
        List<RouteStep> route, List<string> sent, CycleStatus status)
    {
        status = publisher.HandOver(status with { Route = route, UpdatedAt = inbox.Now });
        return new RatificationResult(outcome, index, decision, route, sent, status, inbox.Now);
    }
}
