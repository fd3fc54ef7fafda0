using Microsoft.DurableTask;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Ratification;
using ReviewWorkflow.Workflow.Validation;
using static ReviewWorkflow.Workflow.Deadlines.DateText;

namespace ReviewWorkflow.Workflow.Consultation;

/// <summary>
/// The review cycle's step between resolving consultees and the consultation, taken only when the directory could not be
/// read for some groups (issue 17, point 4): no request goes to the partial list. The hold is audited, the lead is emailed
/// once (idempotency key per cycle: one hold per cycle, as the resolution is only retried until it succeeds), and the
/// directory is asked again every <see cref="ConsultationHold.RetryEvery"/> of the app's clock through the inbox's
/// wake-ups. When every group can be read the hold is cleared and audited, and the consultation starts with everyone.
/// Meanwhile the lead may extend the closing date (it is otherwise kept, even if the hold passes it); closing early
/// and reminding are refused, as nothing has gone out. Key-decision notice reminders still go when due.
/// </summary>
internal static class ConsultationHoldStep
{
    public static async Task<(ResolvedConsultees Resolved, ReviewCycleDefinition Definition, CycleStatus Status)> RunAsync(
        TaskOrchestrationContext context, CycleInbox inbox, ReviewCycleDefinition definition, CouncilSettings settings,
        ResolvedConsultees resolved, CycleStatus status, List<string> sentReminders)
    {
        var cycleId = definition.Id;
        var publisher = new CycleStatusPublisher(context);
        var groups = resolved.Unreachable.Select(u => u.Describe()).ToList();
        await OrchestrationSteps.AuditAsync(context, cycleId, AuditActions.ConsultationHeld, string.Join(", ", groups), $"consultation-held/{cycleId}",
            resolved.Unreachable.Select((u, i) => (u, i)).ToDictionary(x => $"group{x.i + 1}", x => $"{x.u.Describe()}: {x.u.Reason}"));
        await OrchestrationSteps.NoticeAsync(context, new StaffNotice
        {
            CycleId = cycleId,
            Kind = NoticeKind.ConsultationOnHold,
            To = definition.Lead,
            IdempotencyKey = $"consultation-hold/{cycleId}",
            Title = definition.Strategy.Title,
            DueDate = definition.Consultation.Closes,
            Groups = groups,
        });

        var hold = new ConsultationHold(groups, inbox.Now, null, null);
        var attempts = 1;
        var retryAt = inbox.Now + ConsultationHold.RetryEvery;
        ResolvedConsultees? answered = null;
        // Ends when the directory answers. Each hour adds a wake-up and a resolution to the history (about 150 events a
        // day of hold), which the task hub stores comfortably for the weeks a directory outage could last.
        while (answered is null)
        {
            status = status with
            {
                ConsultationHold = hold with { NextTry = retryAt },
                ConsultationCloses = definition.Consultation.Closes,
                NextDeadline = new NextDeadline(definition.Consultation.Opens, "The consultation is on hold: it opens as soon as the directory answers"),
                UpdatedAt = inbox.Now,
            };
            status = await publisher.PublishAsync(status);
            await RatificationOrchestrator.SendDueKeyDecisionRemindersAsync(context, inbox.Now, definition, settings, sentReminders);

            if (inbox.Now >= retryAt)
            {
                attempts++;
                var again = await context.CallActivityAsync<ResolvedConsultees>(nameof(ResolveConsulteesActivity), new ResolveConsulteesInput(cycleId, definition), WorkflowRetry.Activity);
                if (again.Unreachable.Count == 0)
                {
                    answered = again;
                }

                retryAt = inbox.Now + ConsultationHold.RetryEvery;
                continue;
            }

            var due = RatificationOrchestrator.NextKeyDecisionReminder(definition, settings, sentReminders) is { } reminder && reminder < retryAt ? reminder : retryAt;
            var command = await inbox.NextCommandAsync(due);
            if (command is null || status.RecentCommands.Contains(command.Id))
            {
                continue;
            }

            status = status.WithCommand(command.Id);
            definition = await ApplyAsync(context, definition, settings, inbox, command);
        }

        return (answered, definition, await ReleaseAsync(context, inbox, definition, settings, answered, status, hold, attempts));
    }

    /// <summary>Audits the consultees now resolved (their problems, if any, show on the cycle page as at start) and that
    /// the directory answered; the hold stays in the status, cleared.</summary>
    private static async Task<CycleStatus> ReleaseAsync(TaskOrchestrationContext context, CycleInbox inbox, ReviewCycleDefinition definition, CouncilSettings settings,
        ResolvedConsultees resolved, CycleStatus status, ConsultationHold hold, int attempts)
    {
        var cycleId = definition.Id;
        await OrchestrationSteps.AuditAsync(context, cycleId, AuditActions.ConsulteesResolved, $"{resolved.Consultees.Count} consultees", $"consultees-resolved/{cycleId}/after-hold",
            resolved.Problems.Select((p, i) => (p, i)).ToDictionary(x => $"problem{x.i + 1}", x => x.p));
        var opensAt = CouncilTime.SendAt(definition.Consultation.Opens, settings);
        var opening = inbox.Now >= opensAt
            ? $"consultation opened: requests go to {resolved.Consultees.Count} consultees now"
            : $"consultation opens on {Format(definition.Consultation.Opens)} as planned, with requests to {resolved.Consultees.Count} consultees";
        await OrchestrationSteps.AuditAsync(context, cycleId, AuditActions.DirectoryReached, "directory reached, consultation opened", $"directory-reached/{cycleId}",
            new Dictionary<string, string>
            {
                ["groups"] = string.Join(", ", hold.Groups),
                ["attempts"] = $"{attempts}",
                ["heldSince"] = $"{hold.Since:yyyy-MM-dd HH:mm}Z",
                ["consultation"] = opening,
            });
        return status with { ConsultationHold = hold with { NextTry = null, ClearedAt = inbox.Now }, UpdatedAt = inbox.Now };
    }

    /// <summary>A lead's command while on hold: an extension moves the closing date; nothing else can apply yet.</summary>
    private static async Task<ReviewCycleDefinition> ApplyAsync(TaskOrchestrationContext context, ReviewCycleDefinition definition, CouncilSettings settings, CycleInbox inbox, WorkflowCommand command)
    {
        var cycleId = definition.Id;
        if (command.Kind == CommandKind.ExtendConsultation && command.Date is { } closes)
        {
            var errors = ConsultationChangeValidator.Extend(definition, closes, CouncilTime.DateOf(inbox.Now, settings));
            if (errors.Count == 0)
            {
                return definition with { Consultation = definition.Consultation with { Closes = closes } };
            }

            await OrchestrationSteps.RefuseAsync(context, cycleId, command, errors[0].Message);
            return definition;
        }

        await OrchestrationSteps.RefuseAsync(context, cycleId, command,
            $"The consultation is on hold until the directory answers, and no request has gone out; {command.Kind} is not possible now.");
        return definition;
    }
}
