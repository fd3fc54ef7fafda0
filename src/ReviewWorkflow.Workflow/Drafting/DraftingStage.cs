using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Deadlines;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Validation;
using static ReviewWorkflow.Workflow.Deadlines.DateText;

namespace ReviewWorkflow.Workflow.Drafting;

/// <summary>
/// Drafting's decisions, pure and deterministic ("now" is passed in): the lead's reminders before the drafting deadline
/// (first round only: a revised draft has no statutory date), what a submitted draft or a sign-off does, and the status to
/// show. <see cref="DraftingOrchestrator"/> only runs the effects returned here, in the order given.
/// </summary>
public sealed class DraftingStage : IStageLogic<DraftingState>
{
    private readonly DraftingInput _input;

    public DraftingStage(DraftingInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        _input = input;
    }

    private ReviewCycleDefinition Definition => _input.Definition;

    private CouncilSettings Settings => _input.Settings;

    /// <summary>The round as it starts at <paramref name="now"/>, shown as the stage of <paramref name="instanceId"/>; the
    /// reminders are those from the start day on (a draft stage that starts late does not send yesterday's).</summary>
    public DraftingState Start(string instanceId, DateTime now)
    {
        var startDay = CouncilTime.DateOf(now, Settings);
        return new DraftingState
        {
            Status = _input.Status with
            {
                Stage = CycleStage.Drafting,
                ActiveInstanceId = instanceId,
                DraftRound = _input.Round,
                DraftSignedOff = false,
                CurrentBody = null,
                CurrentBodyIndex = null,
                ReferredBackComments = _input.ReferredBack?.Comments,
            },
            Reminders = _input.Round == 1 ? [.. CycleSchedule.Compute(Definition, Settings).DraftingReminders.Where(d => d >= startDay)] : [],
        };
    }

    /// <summary>After a refer-back the lead first hears what the body asked (once per round).</summary>
    public IReadOnlyList<StageEffect> Opening() => _input.ReferredBack is { } referral
        ? [new SendStaffNotice(new StaffNotice
        {
            CycleId = _input.CycleId,
            Kind = NoticeKind.ReferredBack,
            To = Definition.Lead,
            IdempotencyKey = $"referred-back/{_input.CycleId}/d{_input.Round}",
            Title = Definition.Strategy.Title,
            Body = referral.Body,
            MeetingDate = referral.MeetingDate,
            Comments = referral.Comments,
        })]
        : [];

    /// <summary>The reminders whose send time has come (each once, late rather than never) and when the next one goes.
    /// The draft itself never times out: an overdue draft shows as overdue.</summary>
    public StageStep<DraftingState> Due(DraftingState state, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var dueNow = state.Reminders.Where(d => CouncilTime.SendAt(d, Settings) <= now).ToList();
        var left = state.Reminders.Where(d => !dueNow.Contains(d)).ToList();
        IReadOnlyList<StageEffect> effects = [.. dueNow.Select(day => new SendStaffNotice(new StaffNotice
        {
            CycleId = _input.CycleId,
            Kind = NoticeKind.DraftingReminder,
            To = Definition.Lead,
            IdempotencyKey = $"drafting-reminder/{_input.CycleId}/d{_input.Round}/{day:yyyy-MM-dd}",
            Title = Definition.Strategy.Title,
            DueDate = Definition.DraftingDeadline,
        }))];
        return new StageStep<DraftingState>(state with { Reminders = left }, effects, left.Count > 0 ? CouncilTime.SendAt(left.Min(), Settings) : null);
    }

    /// <summary>The status to show: waiting for sign-off, the first draft's deadline, or a revised draft.</summary>
    public CycleStatus Shown(DraftingState state, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var today = CouncilTime.DateOf(now, Settings);
        var deadline = Definition.DraftingDeadline;
        return state.Status with
        {
            NextDeadline = state.Draft is { } draft
                ? new NextDeadline(today, $"Sign-off by {Definition.DirectorSignOff?.Name} of draft {draft.Version}")
                : _input.Round == 1
                    ? new NextDeadline(deadline, $"The draft is due on {Format(deadline)}", deadline < today)
                    : new NextDeadline(today, $"A revised draft addressing {_input.ReferredBack?.Body}'s comments"),
            UpdatedAt = now,
        };
    }

    /// <summary>
    /// A valid draft is accepted at once when the cycle names no director, otherwise the director is asked to sign it off;
    /// an approved sign-off accepts it, a declined one waits for a revised draft (the director's comments shown).
    /// </summary>
    public StageStep<DraftingState> Apply(DraftingState state, WorkflowCommand command, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        var cycleId = _input.CycleId;
        state = state with { Status = state.Status.WithCommand(command.Id) };
        switch (command.Kind)
        {
            case CommandKind.SubmitDraft when command.Draft is { } submitted:
                var errors = DraftValidator.Validate(submitted);
                if (errors.Count > 0)
                {
                    return new(state, [new RecordRefusal(cycleId, command, errors[0].Message)]);
                }

                var director = Definition.DirectorSignOff;
                state = state with
                {
                    Draft = submitted,
                    SubmittedBy = command.Actor,
                    Done = director is null,
                    Status = state.Status with { DraftVersion = submitted.Version, DraftUrl = submitted.DocumentUrl, DraftSignedOff = false, AwaitingSignOff = director is not null },
                };
                return director is null
                    ? new(state, [new RecordApplied(cycleId, command)])
                    : new(state, [new RecordApplied(cycleId, command), new SendStaffNotice(new StaffNotice
                    {
                        CycleId = cycleId,
                        Kind = NoticeKind.SignOffRequest,
                        To = director,
                        IdempotencyKey = $"sign-off-request/{cycleId}/d{_input.Round}/{command.Id}",
                        Title = Definition.Strategy.Title,
                        DraftVersion = submitted.Version,
                        DraftUrl = submitted.DocumentUrl,
                    })]);
            case CommandKind.SignOff when state.Draft is not null && command.Approved is { } approved:
                state = approved
                    ? state with { Done = true, SignedOffBy = command.Actor, Status = state.Status with { DraftSignedOff = true, AwaitingSignOff = false } }
                    : state with
                    {
                        Draft = null,
                        Status = state.Status with { DraftSignedOff = false, AwaitingSignOff = false, ReferredBackComments = command.Comments ?? state.Status.ReferredBackComments },
                    };
                return new(state, [new RecordApplied(cycleId, command)]);
            case CommandKind.SignOff:
                return new(state, [new RecordRefusal(cycleId, command, "There is no draft waiting for sign-off.")]);
            default:
                return new(state, [new RecordRefusal(cycleId, command, $"The cycle is in drafting; {command.Kind} is not possible now.")]);
        }
    }

    /// <summary>The last status of the round, handed to the parent (the refer-back's comments are dealt with).</summary>
    public static CycleStatus Final(DraftingState state, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Status with { UpdatedAt = now, ReferredBackComments = null };
    }

    /// <summary>The accepted draft, once <see cref="DraftingState.Done"/>.</summary>
    public static DraftingResult Result(DraftingState state, CycleStatus status, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new DraftingResult(state.Draft!, state.SubmittedBy!, state.SignedOffBy, status, now);
    }
}
