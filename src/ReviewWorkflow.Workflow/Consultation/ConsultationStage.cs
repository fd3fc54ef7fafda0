using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Deadlines;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Validation;
using static ReviewWorkflow.Workflow.Deadlines.DateText;

namespace ReviewWorkflow.Workflow.Consultation;

/// <summary>
/// The consultation's decisions, pure and deterministic (no engine, no clock: "now" is passed in), so months of a
/// consultation run as fast unit tests: when the requests, reminders and escalation fall due, how a command changes the
/// consultation (or why it is refused), and the status to show. <see cref="ConsultationOrchestrator"/> only runs the
/// effects returned here, in the order given, which is the order recorded in the histories of running cycles.
/// </summary>
public sealed class ConsultationStage : IStageLogic<ConsultationState>
{
    private readonly ConsultationInput _input;

    public ConsultationStage(ConsultationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        _input = input;
    }

    private CouncilSettings Settings => _input.Settings;

    private ReviewCycleDefinition Definition => _input.Definition;

    /// <summary>When the requests go: the opening day's send time.</summary>
    public DateTime OpenAt => CouncilTime.SendAt(Definition.Consultation.Opens, Settings);

    /// <summary>The consultation as it starts, shown as the stage of <paramref name="instanceId"/>.</summary>
    public ConsultationState Start(string instanceId) => new()
    {
        Status = _input.Status with
        {
            Stage = CycleStage.Consultation,
            ActiveInstanceId = instanceId,
            Counts = _input.Status.Counts with { Consultees = _input.Consultees.Count },
        },
        Closes = Definition.Consultation.Closes,
        NotBefore = Definition.Consultation.Opens,
    };

    /// <summary>The end of the (possibly extended) closing day.</summary>
    public DateTime CloseAt(ConsultationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return CouncilTime.EndOfDay(state.Closes, Settings);
    }

    /// <summary>True until closed early or the closing day has ended.</summary>
    public bool IsOpen(ConsultationState state, DateTime now) => !state.ClosedEarly && now < CloseAt(state);

    /// <summary>True when the requests are due and have not gone: they go on their own, before anything else is decided,
    /// because who they reached (and who bounced) decides who the reminders go to.</summary>
    public bool RequestsDue(ConsultationState state, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return !state.RequestsSent && now >= OpenAt;
    }

    /// <summary>One request per consultee.</summary>
    public SendRequestsInput Requests(ConsultationState state) => new(Mail(state), _input.Consultees);

    /// <summary>The consultation once the requests went: those the provider refused count as bounced.</summary>
    public static ConsultationState RequestsSent(ConsultationState state, SendRequestsResult result)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(result);
        return state with
        {
            RequestsSent = true,
            Sent = [.. state.Sent, .. result.Sent],
            Bounced = [.. state.Bounced, .. result.Failed.Where(f => !state.Bounced.Contains(f)).Distinct()],
        };
    }

    /// <summary>
    /// The reminders and escalation due by <paramref name="now"/> (each once; a day jumped over still goes, late rather
    /// than never) and when the consultation next needs to wake: the opening, the next reminder or escalation, the close.
    /// </summary>
    public StageStep<ConsultationState> Due(ConsultationState state, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var due = new List<DateTime> { CloseAt(state) };
        var effects = new List<StageEffect>();
        if (!state.RequestsSent)
        {
            due.Add(OpenAt);
            return new StageStep<ConsultationState>(state, effects, due.Min());
        }

        var mail = Mail(state);
        var schedule = CycleSchedule.Compute(Current(state), Settings);
        var done = state.RemindersDone.ToList();
        foreach (var day in schedule.ConsultationReminders.Where(d => d >= state.NotBefore && !done.Contains(d)))
        {
            if (CouncilTime.SendAt(day, Settings) <= now)
            {
                done.Add(day);
                effects.Add(new SendReminders(new SendRemindersInput(mail, _input.Consultees, state.Bounced, day)));
            }
            else
            {
                due.Add(CouncilTime.SendAt(day, Settings));
            }
        }

        var escalated = state.Escalated;
        if (!escalated && schedule.Escalation is { } escalation && escalation >= state.NotBefore)
        {
            if (CouncilTime.SendAt(escalation, Settings) <= now)
            {
                escalated = true;
                effects.Add(new SendEscalation(new SendEscalationInput(mail, _input.Consultees, state.Bounced, escalation)));
            }
            else
            {
                due.Add(CouncilTime.SendAt(escalation, Settings));
            }
        }

        return new StageStep<ConsultationState>(state with { RemindersDone = done, Escalated = escalated }, effects, due.Min());
    }

    /// <summary>The status to show while the consultation runs.</summary>
    public CycleStatus Shown(ConsultationState state, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Status with
        {
            ConsultationCloses = state.Closes,
            Counts = state.Status.Counts with { RequestsSent = state.Sent.Count, Bounced = state.Bounced.Count },
            BouncedConsultees = [.. state.Bounced.Take(CycleStatus.MaxListed)],
            NextDeadline = new NextDeadline(state.Closes, $"The consultation closes at the end of {Format(state.Closes)}"),
            UpdatedAt = now,
        };
    }

    /// <summary>
    /// Applies <paramref name="command"/> (issued at <paramref name="now"/>) or refuses it with the reason the person sees.
    /// An extension restarts the escalation for the new close; a bounce already known changes nothing and says nothing.
    /// </summary>
    public StageStep<ConsultationState> Apply(ConsultationState state, WorkflowCommand command, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        var cycleId = _input.CycleId;
        var today = CouncilTime.DateOf(now, Settings);
        state = state with { Status = state.Status.WithCommand(command.Id) };
        StageStep<ConsultationState> Refuse(string reason) => new(state, [new RecordRefusal(cycleId, command, reason)]);
        StageStep<ConsultationState> Applied(ConsultationState changed, params StageEffect[] effects) => new(changed, effects);

        switch (command.Kind)
        {
            case CommandKind.ExtendConsultation when command.Date is { } newCloses:
                var errors = ConsultationChangeValidator.Extend(Current(state), newCloses, today);
                return errors.Count > 0
                    ? Refuse(errors[0].Message)
                    : Applied(state with { Closes = newCloses, NotBefore = today.AddDays(1), Escalated = false }, new RecordApplied(cycleId, command));
            case CommandKind.CloseConsultation:
                return Applied(state with { ClosedEarly = true }, new RecordApplied(cycleId, command));
            case CommandKind.RemindNow when state.RequestsSent:
                // Keyed by the command: a replayed or retried activity sends nobody a second reminder-now.
                return Applied(state,
                    new SendReminders(new SendRemindersInput(Mail(state), _input.Consultees, state.Bounced, today, command.Id)),
                    new RecordApplied(cycleId, command));
            case CommandKind.RemindNow:
                return Refuse("The consultation requests have not gone out yet, so there is no one to remind.");
            case CommandKind.FlagBounce when command.Bounce is { } bounce:
                var consultee = _input.Consultees.FirstOrDefault(c => c.Id == bounce.ConsulteeId);
                if (consultee is null)
                {
                    return Refuse("The bounced address is not a consultee of this cycle.");
                }

                return state.Bounced.Contains(consultee.Id)
                    ? Applied(state)
                    : Applied(state with { Bounced = [.. state.Bounced, consultee.Id] },
                        new RecordApplied(cycleId, command),
                        new SendBounceNotice(new SendBounceNoticeInput(Mail(state), consultee, bounce)));
            default:
                return Refuse($"The cycle is in consultation; {command.Kind} is not possible now.");
        }
    }

    /// <summary>What to count once the consultation has closed.</summary>
    public CountResponsesInput Count(ConsultationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new CountResponsesInput(_input.CycleId, _input.Consultees, state.Bounced, state.Sent.Count);
    }

    /// <summary>The audit row of the close, with each group's figures (once per round).</summary>
    public RecordAudit ClosedAudit(CycleCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var cycleId = _input.CycleId;
        return new RecordAudit(cycleId, AuditActions.ConsultationClosed, $"round {_input.Round}", $"consultation-closed/{cycleId}/r{_input.Round}",
            counts.Groups.ToDictionary(g => g.Group, g => $"{g.Submitted} of {g.Consultees} submitted ({g.Late} late), {g.InProgress} in progress, {g.Bounced} bounced"));
    }

    /// <summary>The last status of the stage, handed to the parent.</summary>
    public static CycleStatus Closed(ConsultationState state, CycleCounts counts, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Status with
        {
            Counts = counts,
            ConsultationCloses = state.Closes,
            ConsultationClosedEarly = state.ClosedEarly,
            BouncedConsultees = [.. state.Bounced.Take(CycleStatus.MaxListed)],
            UpdatedAt = now,
        };
    }

    public static ConsultationResult Result(ConsultationState state, CycleCounts counts, CycleStatus status, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new ConsultationResult(state.Closes, state.ClosedEarly, counts, state.Bounced, status, now);
    }

    /// <summary>The definition with the closing day as it stands (extensions applied).</summary>
    private ReviewCycleDefinition Current(ConsultationState state) =>
        Definition with { Consultation = Definition.Consultation with { Closes = state.Closes } };

    private ConsultationMail Mail(ConsultationState state) =>
        ConsultationMail.For(_input.CycleId, _input.Round, Current(state), Settings, state.Closes);
}
