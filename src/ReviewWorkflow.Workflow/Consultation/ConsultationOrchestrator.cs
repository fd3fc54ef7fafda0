using Microsoft.DurableTask;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Deadlines;
using ReviewWorkflow.Workflow.Validation;
using static ReviewWorkflow.Workflow.Deadlines.DateText;

namespace ReviewWorkflow.Workflow.Consultation;

/// <summary>
/// The consultation (every version): at the opening day's send time, one request per consultee; reminders on the
/// schedule's dates to those who have not submitted (and did not bounce); the escalation to the lead; extensions and
/// early closing from the lead; bounces flagged to the lead; at the end of the closing day, counts per group.
/// </summary>
public sealed class ConsultationOrchestrator : TaskOrchestrator<ConsultationInput, ConsultationResult>
{
    public override async Task<ConsultationResult> RunAsync(TaskOrchestrationContext context, ConsultationInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var publisher = new CycleStatusPublisher(context);
        var settings = input.Settings;
        var cycleId = input.CycleId;
        var definition = input.Definition;
        var closes = definition.Consultation.Closes;
        var closedEarly = false;
        var requestsSent = false;
        var sent = new List<string>();
        var bounced = new List<string>();
        var remindersDone = new HashSet<DateOnly>();
        var escalated = false;
        var notBefore = definition.Consultation.Opens;
        var openAt = CouncilTime.SendAt(definition.Consultation.Opens, settings);
        var inbox = new CycleInbox(context, input.Now);
        var status = input.Status with
        {
            Stage = CycleStage.Consultation,
            ActiveInstanceId = context.InstanceId,
            Counts = input.Status.Counts with { Consultees = input.Consultees.Count },
        };

        // Until closed early or the (possibly extended) closing day has ended.
        while (!closedEarly && inbox.Now < CouncilTime.EndOfDay(closes, settings))
        {
            var now = inbox.Now;
            var current = definition with { Consultation = definition.Consultation with { Closes = closes } };
            var closeAt = CouncilTime.EndOfDay(closes, settings);

            var mail = ConsultationMail.For(cycleId, input.Round, current, settings, closes);
            if (!requestsSent && now >= openAt)
            {
                var result = await context.CallActivityAsync<SendRequestsResult>(nameof(SendConsultationRequestsActivity), new SendRequestsInput(mail, input.Consultees), WorkflowRetry.Activity);
                requestsSent = true;
                sent.AddRange(result.Sent);
                bounced.AddRange(result.Failed.Where(f => !bounced.Contains(f)));
                continue;
            }

            var schedule = CycleSchedule.Compute(current, settings);
            var due = new List<DateTime> { closeAt };
            if (!requestsSent)
            {
                due.Add(openAt);
            }
            else
            {
                foreach (var day in schedule.ConsultationReminders.Where(d => d >= notBefore && !remindersDone.Contains(d)))
                {
                    if (CouncilTime.SendAt(day, settings) <= now)
                    {
                        remindersDone.Add(day);
                        await context.CallActivityAsync<IReadOnlyList<string>>(nameof(SendConsultationRemindersActivity), new SendRemindersInput(mail, input.Consultees, bounced, day), WorkflowRetry.Activity);
                    }
                    else
                    {
                        due.Add(CouncilTime.SendAt(day, settings));
                    }
                }

                if (!escalated && schedule.Escalation is { } escalation && escalation >= notBefore)
                {
                    if (CouncilTime.SendAt(escalation, settings) <= now)
                    {
                        escalated = true;
                        await context.CallActivityAsync<int>(nameof(SendEscalationActivity), new SendEscalationInput(mail, input.Consultees, bounced, escalation), WorkflowRetry.Activity);
                    }
                    else
                    {
                        due.Add(CouncilTime.SendAt(escalation, settings));
                    }
                }
            }

            status = status with
            {
                ConsultationCloses = closes,
                Counts = status.Counts with { RequestsSent = sent.Count, Bounced = bounced.Count },
                BouncedConsultees = [.. bounced.Take(CycleStatus.MaxListed)],
                NextDeadline = new NextDeadline(closes, $"The consultation closes at the end of {Format(closes)}"),
                UpdatedAt = now,
            };
            status = await publisher.PublishAsync(status);
            var next = due.Min();
            if (next <= now)
            {
                continue;
            }

            var command = await inbox.NextCommandAsync(next);
            if (command is null || status.RecentCommands.Contains(command.Id))
            {
                continue;
            }

            status = status.WithCommand(command.Id);
            var today = CouncilTime.DateOf(inbox.Now, settings);
            switch (command.Kind)
            {
                case CommandKind.ExtendConsultation when command.Date is { } newCloses:
                    var errors = ConsultationChangeValidator.Extend(current, newCloses, today);
                    if (errors.Count > 0)
                    {
                        await OrchestrationSteps.RefuseAsync(context, cycleId, command, errors[0].Message);
                    }
                    else
                    {
                        closes = newCloses;
                        notBefore = today.AddDays(1);
                        escalated = false;
                        await OrchestrationSteps.AppliedAsync(context, cycleId, command);
                    }

                    break;
                case CommandKind.CloseConsultation:
                    closedEarly = true;
                    await OrchestrationSteps.AppliedAsync(context, cycleId, command);
                    break;
                case CommandKind.RemindNow when requestsSent:
                    // Keyed by the command: a replayed or retried activity sends nobody a second reminder-now.
                    await context.CallActivityAsync<IReadOnlyList<string>>(nameof(SendConsultationRemindersActivity), new SendRemindersInput(mail, input.Consultees, bounced, today, command.Id), WorkflowRetry.Activity);
                    await OrchestrationSteps.AppliedAsync(context, cycleId, command);
                    break;
                case CommandKind.RemindNow:
                    await OrchestrationSteps.RefuseAsync(context, cycleId, command, "The consultation requests have not gone out yet, so there is no one to remind.");
                    break;
                case CommandKind.FlagBounce when command.Bounce is { } bounce:
                    var consultee = input.Consultees.FirstOrDefault(c => c.Id == bounce.ConsulteeId);
                    if (consultee is null)
                    {
                        await OrchestrationSteps.RefuseAsync(context, cycleId, command, "The bounced address is not a consultee of this cycle.");
                    }
                    else if (!bounced.Contains(consultee.Id))
                    {
                        bounced.Add(consultee.Id);
                        await OrchestrationSteps.AppliedAsync(context, cycleId, command);
                        await context.CallActivityAsync<bool>(nameof(SendBounceNoticeActivity), new SendBounceNoticeInput(mail, consultee, bounce), WorkflowRetry.Activity);
                    }

                    break;
                default:
                    await OrchestrationSteps.RefuseAsync(context, cycleId, command, $"The cycle is in consultation; {command.Kind} is not possible now.");
                    break;
            }
        }

        var counts = await context.CallActivityAsync<CycleCounts>(nameof(CountResponsesActivity), new CountResponsesInput(cycleId, input.Consultees, bounced, sent.Count), WorkflowRetry.Activity);
        await OrchestrationSteps.AuditAsync(context, cycleId, AuditActions.ConsultationClosed, $"round {input.Round}", $"consultation-closed/{cycleId}/r{input.Round}",
            counts.Groups.ToDictionary(g => g.Group, g => $"{g.Submitted} of {g.Consultees} submitted ({g.Late} late), {g.InProgress} in progress, {g.Bounced} bounced"));
        status = status with
        {
            Counts = counts,
            ConsultationCloses = closes,
            ConsultationClosedEarly = closedEarly,
            BouncedConsultees = [.. bounced.Take(CycleStatus.MaxListed)],
            UpdatedAt = inbox.Now,
        };
        status = publisher.HandOver(status);
        return new ConsultationResult(closes, closedEarly, counts, bounced, status, inbox.Now);
    }
}
