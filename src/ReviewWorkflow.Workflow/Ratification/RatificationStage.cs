using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Deadlines;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Validation;
using static ReviewWorkflow.Workflow.Deadlines.DateText;

namespace ReviewWorkflow.Workflow.Ratification;

/// <summary>
/// Ratification's decisions, pure and deterministic ("now" is passed in): which statutory reminders and decision
/// escalations fall due (<see cref="DueReminders"/>, <see cref="DecisionEscalation"/>), how a clerk's decision or a new
/// meeting date changes the route (<see cref="DecisionOutcomes.Effect"/>), or why it is refused, and the status to show.
/// <see cref="RatificationOrchestrator"/> only runs the effects returned here, in the order given.
/// </summary>
/// <param name="instanceId">The running instance: part of the audit keys of route changes, as in recorded histories.</param>
public sealed class RatificationStage(RatificationInput input, string instanceId) : IStageLogic<RatificationState>
{
    private CouncilSettings Settings => input.Settings;

    /// <summary>Ratification as it starts, at the body <see cref="RatificationInput.StartIndex"/>.</summary>
    public RatificationState Start() => new()
    {
        Status = input.Status with { Stage = CycleStage.Ratification, ActiveInstanceId = instanceId },
        Route = [.. input.Definition.Route],
        Index = input.StartIndex,
        Sent = [.. input.SentReminders],
        Decisions = [.. input.Status.Decisions],
    };

    /// <summary>True once a decision ended ratification.</summary>
    public static bool Ended(RatificationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Outcome is not null;
    }

    /// <summary>
    /// The reminders due by <paramref name="now"/> (late rather than never, each once) and the escalation of a decision not
    /// recorded after the meeting; the stage next wakes for the next reminder or the next week's escalation.
    /// </summary>
    public StageStep<RatificationState> Due(RatificationState state, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var current = Current(state);
        var step = state.Route[state.Index];
        var sent = state.Sent.ToList();
        var effects = new List<StageEffect>();
        var due = new List<DateTime>();
        var reminders = RatificationReminders.For(current, Settings, state.Index, keyDecisionOnly: false);
        var dueNow = DueReminders.Now(reminders, sent, now, state.Index, Settings);
        foreach (var reminder in dueNow)
        {
            sent.Add(reminder.Key);
            effects.AddRange(RatificationNotices.Reminder(current, reminder, DueReminders.CoveredBy(reminder, dueNow)));
        }

        if (DueReminders.Next(reminders, sent, state.Index, Settings) is { } nextReminder)
        {
            due.Add(nextReminder);
        }

        if (DecisionEscalation.DueNow(state.Index, step.MeetingDate, sent, now, Settings) is { } week)
        {
            var escalationKey = DecisionEscalation.Key(state.Index, step.MeetingDate, week);
            sent.Add(escalationKey);
            effects.AddRange(RatificationNotices.DecisionDue(input.CycleId, current, state.Index, escalationKey));
        }

        due.Add(DecisionEscalation.Next(step.MeetingDate, now, Settings));
        return new StageStep<RatificationState>(state with { Sent = sent }, effects, due.Min());
    }

    /// <summary>The status to show: publish the report, the meeting, or (after it) record the decision — overdue.</summary>
    public CycleStatus Shown(RatificationState state, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var today = CouncilTime.DateOf(now, Settings);
        var step = state.Route[state.Index];
        var publication = ClearDays.LatestPublicationDate(step.MeetingDate, Settings);
        return state.Status with
        {
            CurrentBody = step.Body,
            CurrentBodyIndex = state.Index,
            Route = state.Route,
            Decisions = state.Decisions,
            NextDeadline = today <= publication
                ? new NextDeadline(publication, $"Publish the report for {step.Body} ({Format(step.MeetingDate)})")
                : today <= step.MeetingDate
                    ? new NextDeadline(step.MeetingDate, $"{step.Body} meets")
                    : new NextDeadline(step.MeetingDate, $"Record {step.Body}'s decision (it met on {Format(step.MeetingDate)})", Overdue: true),
            UpdatedAt = now,
        };
    }

    /// <summary>
    /// A decision that fits the body and meeting is recorded and moves the route on (next body, deferral to a new meeting
    /// date) or ends ratification (adopted, referred back, rejected); a new meeting date moves that body's meeting. A
    /// decision or date that does not fit is refused with the validator's first message and changes nothing.
    /// </summary>
    public StageStep<RatificationState> Apply(RatificationState state, WorkflowCommand command, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        var cycleId = input.CycleId;
        var today = CouncilTime.DateOf(now, Settings);
        var index = state.Index;
        var step = state.Route[index];
        state = state with { Status = state.Status.WithCommand(command.Id) };
        StageStep<RatificationState> Refuse(string reason) => new(state, [new RecordRefusal(cycleId, command, reason)]);
        switch (command.Kind)
        {
            case CommandKind.RecordDecision when command.Decision is { } decision:
                var errors = DecisionValidator.Validate(state.Route, index, decision, today, state.Decisions);
                if (errors.Count > 0)
                {
                    return Refuse(errors[0].Message);
                }

                var summary = new DecisionSummary(step.Body, decision.MeetingDate, decision.Outcome, decision.MinuteReference, decision.Comments, decision.NewMeetingDate);
                IReadOnlyList<DecisionSummary> decisions = [.. state.Decisions, summary];
                state = state with { Decisions = decisions, Status = state.Status with { Decisions = decisions } };
                var applied = new RecordApplied(cycleId, command);
                switch (DecisionOutcomes.Effect(decision.Outcome, index == state.Route.Count - 1))
                {
                    case RouteEffect.NextBody:
                        return new(state with { Index = index + 1 }, [applied, new RecordAudit(cycleId, AuditActions.RouteAdvanced, state.Route[index + 1].Body,
                            $"route-advanced/{instanceId}/{command.Id}", new Dictionary<string, string> { ["from"] = step.Body, ["outcome"] = Text(decision.Outcome) }, command)]);
                    case RouteEffect.Deferred:
                        return new(state with { Route = Moved(state.Route, index, decision.NewMeetingDate!.Value) }, [applied, new RecordAudit(cycleId, AuditActions.MeetingDeferred, step.Body,
                            $"deferred/{instanceId}/{command.Id}", new Dictionary<string, string> { ["from"] = $"{step.MeetingDate:yyyy-MM-dd}", ["to"] = $"{decision.NewMeetingDate:yyyy-MM-dd}" }, command)]);
                    case RouteEffect.Adopted:
                        return new(state with { Outcome = RatificationOutcome.Adopted, Decision = summary }, [applied]);
                    case RouteEffect.ReferredBack:
                        return new(state with { Outcome = RatificationOutcome.ReferredBack, Decision = summary }, [applied]);
                    default:
                        return new(state with { Outcome = RatificationOutcome.Rejected, Decision = summary }, [applied]);
                }

            case CommandKind.SetMeetingDate when command.Date is { } date:
                var dateErrors = RouteOrder.MeetingChange(state.Route, index, command.Body, date, today, state.Decisions);
                if (dateErrors.Count > 0)
                {
                    return Refuse(dateErrors[0].Message);
                }

                // Audited as "rescheduled" alone (no separate "applied" row), as recorded histories have it.
                var at = RouteOrder.IndexOf(state.Route, index, command.Body);
                var moved = state.Route[at];
                return new(state with { Route = Moved(state.Route, at, date) }, [new RecordAudit(cycleId, AuditActions.MeetingRescheduled, moved.Body,
                    $"rescheduled/{instanceId}/{command.Id}", new Dictionary<string, string> { ["from"] = $"{moved.MeetingDate:yyyy-MM-dd}", ["to"] = $"{date:yyyy-MM-dd}" }, command)]);
            default:
                return Refuse($"The report is with {step.Body} for a decision; {command.Kind} is not possible now.");
        }
    }

    /// <summary>The last status of the stage, handed to the parent.</summary>
    public static CycleStatus Final(RatificationState state, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Status with { Route = state.Route, UpdatedAt = now };
    }

    /// <summary>The outcome, once <see cref="Ended"/>.</summary>
    public static RatificationResult Result(RatificationState state, CycleStatus status, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new RatificationResult(state.Outcome!.Value, state.Index, state.Decision!, state.Route, state.Sent, status, now);
    }

    /// <summary>The definition with the route as it stands.</summary>
    private ReviewCycleDefinition Current(RatificationState state) => input.Definition with { Route = state.Route };

    private static IReadOnlyList<RouteStep> Moved(IReadOnlyList<RouteStep> route, int at, DateOnly meeting) =>
        [.. route.Select((step, i) => i == at ? step with { MeetingDate = meeting } : step)];

    private static string Text(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.ReferBack => "refer-back",
        _ => outcome.ToString().ToLowerInvariant(),
    };
}
