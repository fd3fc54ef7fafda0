using Microsoft.DurableTask;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Deadlines;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Validation;
using static ReviewWorkflow.Workflow.Deadlines.DateText;

namespace ReviewWorkflow.Workflow.Drafting;

/// <summary>
/// Drafting (every version): waits for the lead's draft (it never times out: an overdue draft shows as overdue), reminds the
/// lead before the drafting deadline (first round only), and when the cycle names a director, asks for sign-off and
/// waits for it; a declined sign-off waits for a revised draft. After a refer-back it first tells the lead what the body asked.
/// </summary>
public sealed class DraftingOrchestrator : TaskOrchestrator<DraftingInput, DraftingResult>
{
    public override async Task<DraftingResult> RunAsync(TaskOrchestrationContext context, DraftingInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var publisher = new CycleStatusPublisher(context);
        var settings = input.Settings;
        var definition = input.Definition;
        var cycleId = input.CycleId;
        var inbox = new CycleInbox(context, input.Now);
        var startDay = CouncilTime.DateOf(inbox.Now, settings);
        var reminders = input.Round == 1
            ? CycleSchedule.Compute(definition, settings).DraftingReminders.Where(d => d >= startDay).ToList()
            : [];
        var status = input.Status with
        {
            Stage = CycleStage.Drafting,
            ActiveInstanceId = context.InstanceId,
            DraftRound = input.Round,
            DraftSignedOff = false,
            CurrentBody = null,
            CurrentBodyIndex = null,
            ReferredBackComments = input.ReferredBack?.Comments,
        };

        if (input.ReferredBack is { } referral)
        {
            await OrchestrationSteps.NoticeAsync(context, new StaffNotice
            {
                CycleId = cycleId,
                Kind = NoticeKind.ReferredBack,
                To = definition.Lead,
                IdempotencyKey = $"referred-back/{cycleId}/d{input.Round}",
                Title = definition.Strategy.Title,
                Body = referral.Body,
                MeetingDate = referral.MeetingDate,
                Comments = referral.Comments,
            });
        }

        DraftSubmission? draft = null;
        string? submittedBy = null;
        DraftingResult? result = null;
        while (result is null)
        {
            var now = inbox.Now;
            foreach (var day in reminders.Where(d => CouncilTime.SendAt(d, settings) <= now).ToList())
            {
                reminders.Remove(day);
                await OrchestrationSteps.NoticeAsync(context, new StaffNotice
                {
                    CycleId = cycleId,
                    Kind = NoticeKind.DraftingReminder,
                    To = definition.Lead,
                    IdempotencyKey = $"drafting-reminder/{cycleId}/d{input.Round}/{day:yyyy-MM-dd}",
                    Title = definition.Strategy.Title,
                    DueDate = definition.DraftingDeadline,
                });
            }

            var today = CouncilTime.DateOf(now, settings);
            status = status with
            {
                NextDeadline = draft is not null
                    ? new NextDeadline(today, $"Sign-off by {definition.DirectorSignOff?.Name} of draft {draft.Version}")
                    : input.Round == 1
                        ? new NextDeadline(definition.DraftingDeadline, $"The draft is due on {Format(definition.DraftingDeadline)}", definition.DraftingDeadline < today)
                        : new NextDeadline(today, $"A revised draft addressing {input.ReferredBack?.Body}'s comments"),
                UpdatedAt = now,
            };
            status = await publisher.PublishAsync(status);

            var command = await inbox.NextCommandAsync(reminders.Count > 0 ? CouncilTime.SendAt(reminders.Min(), settings) : null);
            if (command is null || status.RecentCommands.Contains(command.Id))
            {
                continue;
            }

            status = status.WithCommand(command.Id);
            switch (command.Kind)
            {
                case CommandKind.SubmitDraft when command.Draft is { } submitted:
                    var errors = DraftValidator.Validate(submitted);
                    if (errors.Count > 0)
                    {
                        await OrchestrationSteps.RefuseAsync(context, cycleId, command, errors[0].Message);
                        break;
                    }

                    draft = submitted;
                    submittedBy = command.Actor;
                    await OrchestrationSteps.AppliedAsync(context, cycleId, command);
                    status = status with { DraftVersion = submitted.Version, DraftUrl = submitted.DocumentUrl, DraftSignedOff = false, AwaitingSignOff = definition.DirectorSignOff is not null };
                    if (definition.DirectorSignOff is not { } director)
                    {
                        result = Done(publisher, inbox, status, draft, submittedBy, null);
                        break;
                    }

                    await OrchestrationSteps.NoticeAsync(context, new StaffNotice
                    {
                        CycleId = cycleId,
                        Kind = NoticeKind.SignOffRequest,
                        To = director,
                        IdempotencyKey = $"sign-off-request/{cycleId}/d{input.Round}/{command.Id}",
                        Title = definition.Strategy.Title,
                        DraftVersion = submitted.Version,
                        DraftUrl = submitted.DocumentUrl,
                    });
                    break;
                case CommandKind.SignOff when draft is not null && command.Approved is { } approved:
                    await OrchestrationSteps.AppliedAsync(context, cycleId, command);
                    if (approved)
                    {
                        result = Done(publisher, inbox, status with { DraftSignedOff = true, AwaitingSignOff = false }, draft, submittedBy!, command.Actor);
                        break;
                    }

                    draft = null;
                    status = status with { DraftSignedOff = false, AwaitingSignOff = false, ReferredBackComments = command.Comments ?? status.ReferredBackComments };
                    break;
                case CommandKind.SignOff:
                    await OrchestrationSteps.RefuseAsync(context, cycleId, command, "There is no draft waiting for sign-off.");
                    break;
                default:
                    await OrchestrationSteps.RefuseAsync(context, cycleId, command, $"The cycle is in drafting; {command.Kind} is not possible now.");
                    break;
            }
        }

        return result;
    }

    private static DraftingResult Done(CycleStatusPublisher publisher, CycleInbox inbox, CycleStatus status, DraftSubmission draft, string submittedBy, string? signedOffBy)
    {
        status = publisher.HandOver(status with { UpdatedAt = inbox.Now, ReferredBackComments = null });
        return new DraftingResult(draft, submittedBy, signedOffBy, status, inbox.Now);
    }
}
