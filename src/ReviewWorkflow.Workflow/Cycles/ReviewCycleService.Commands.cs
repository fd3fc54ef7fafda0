using System.Text.Json.Nodes;
using ReviewWorkflow.Notifications.Webhook;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Validation;
using static ReviewWorkflow.Workflow.Deadlines.DateText;

namespace ReviewWorkflow.Workflow.Cycles;

public sealed partial class ReviewCycleService
{
    /// <summary>The lead moves the consultation's closing date later (before the drafting deadline).</summary>
    public Task<CycleResult> ExtendConsultationAsync(string cycleId, DateOnly closes, Actor actor, string requestId, string idempotencyKey, CancellationToken cancellationToken = default) =>
        CommandAsync(new(cycleId, actor, requestId, idempotencyKey), new WorkflowCommand { Kind = CommandKind.ExtendConsultation, Date = closes }, (view, today) =>
        {
            if (view.Stage != CycleStage.Consultation)
            {
                return WrongStage(view, "closes", "extend the consultation");
            }

            var definition = new ReviewCycleDefinition { Consultation = new ConsultationPlan { Closes = view.ConsultationCloses }, DraftingDeadline = view.DraftingDeadline };
            var errors = ConsultationChangeValidator.Extend(definition, closes, today);
            return errors.Count > 0 ? CycleResult.Invalid(view.CycleId, errors) : null;
        }, cancellationToken);

    /// <summary>The lead closes the consultation now; later submissions follow the late-response rule.</summary>
    public Task<CycleResult> CloseConsultationAsync(string cycleId, Actor actor, string requestId, string idempotencyKey, CancellationToken cancellationToken = default) =>
        CommandAsync(new(cycleId, actor, requestId, idempotencyKey), new WorkflowCommand { Kind = CommandKind.CloseConsultation },
            (view, _) => view.Stage != CycleStage.Consultation ? WrongStage(view, "stage", "close the consultation")
                : view.ConsultationHold is { OnHold: true } ? OnHold(view, "close it") : null,
            cancellationToken);

    /// <summary>Refused while the consultation waits for the directory: nothing has gone out yet (extending is still possible).</summary>
    private static CycleResult OnHold(CycleView view, string what) =>
        CycleResult.Conflict(view.CycleId, "stage", $"The consultation is on hold until the directory answers, and no request has gone out yet, so you cannot {what} now. You can extend the closing date.");

    /// <summary>The lead submits a draft (version, link, "you said, we did").</summary>
    public Task<CycleResult> SubmitDraftAsync(string cycleId, DraftSubmission draft, Actor actor, string requestId, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return CommandAsync(new(cycleId, actor, requestId, idempotencyKey), new WorkflowCommand { Kind = CommandKind.SubmitDraft, Draft = draft }, (view, _) =>
        {
            if (view.Stage != CycleStage.Drafting)
            {
                return WrongStage(view, "version", "submit a draft");
            }

            var errors = DraftValidator.Validate(draft);
            return errors.Count > 0 ? CycleResult.Invalid(view.CycleId, errors) : null;
        }, cancellationToken);
    }

    /// <summary>The named director signs the draft off (or sends it back with comments).</summary>
    public Task<CycleResult> SignOffAsync(string cycleId, bool approved, string? comments, Actor actor, string requestId, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return CommandAsync(new(cycleId, actor, requestId, idempotencyKey), new WorkflowCommand { Kind = CommandKind.SignOff, Approved = approved, Comments = comments }, (view, _) =>
        {
            if (view.Stage != CycleStage.Drafting || !view.AwaitingSignOff)
            {
                return CycleResult.Conflict(view.CycleId, "approved", "There is no draft waiting for sign-off.");
            }

            if (actor.Role != AuditRole.Admin && !string.Equals(EmailAddress.Normalise(actor.Email), EmailAddress.Normalise(view.DirectorSignOff?.Email ?? ""), StringComparison.Ordinal))
            {
                return CycleResult.Invalid(view.CycleId, "actor", $"Only {view.DirectorSignOff?.Name} can sign this draft off.");
            }

            return !approved && string.IsNullOrWhiteSpace(comments)
                ? CycleResult.Invalid(view.CycleId, "comments", "Say what needs to change before you can sign it off.")
                : comments is { Length: > DecisionValidator.Comments }
                    ? CycleResult.Invalid(view.CycleId, "comments", $"Shorten the comments to {DecisionValidator.Comments} characters.")
                    : null;
        }, cancellationToken);
    }

    /// <summary>The clerk records a body's decision. Refused (nothing changes) for the wrong body, the wrong meeting, a
    /// meeting not yet held, or without what the outcome needs.</summary>
    public Task<CycleResult> RecordDecisionAsync(string cycleId, CommitteeDecision decision, Actor actor, string requestId, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return CommandAsync(new(cycleId, actor, requestId, idempotencyKey), new WorkflowCommand { Kind = CommandKind.RecordDecision, Decision = decision }, (view, today) =>
        {
            if (view.Stage != CycleStage.Ratification || view.CurrentBodyIndex is not { } index)
            {
                return WrongStage(view, "body", "record a committee decision");
            }

            var errors = DecisionValidator.Validate(view.Route, index, decision, today, view.Decisions);
            return errors.Count > 0 ? CycleResult.Invalid(view.CycleId, errors) : null;
        }, cancellationToken);
    }

    /// <summary>The clerk sets the next meeting date of the body the report is with (e.g. after a refer-back), or of a
    /// later body; refused when the route would fall out of order (<see cref="RouteOrder"/>).</summary>
    public Task<CycleResult> SetMeetingDateAsync(string cycleId, string body, DateOnly meetingDate, Actor actor, string requestId, string idempotencyKey, CancellationToken cancellationToken = default) =>
        CommandAsync(new(cycleId, actor, requestId, idempotencyKey), new WorkflowCommand { Kind = CommandKind.SetMeetingDate, Body = body, Date = meetingDate }, (view, today) =>
        {
            if (view.Stage != CycleStage.Ratification || view.CurrentBodyIndex is not { } index)
            {
                return WrongStage(view, "body", "set a meeting date");
            }

            var errors = RouteOrder.MeetingChange(view.Route, index, body, meetingDate, today, view.Decisions);
            return errors.Count > 0 ? CycleResult.Invalid(view.CycleId, errors) : null;
        }, cancellationToken);

    /// <summary>
    /// A consultee's email bounced, was blocked or dropped, or was reported as spam (from the SendGrid webhook). During the
    /// consultation the orchestration stops reminding them and tells the lead; later, the audit trail records it.
    /// Problems without a cycle id (not ours) are <see cref="CycleResultKind.NotFound"/>.
    /// </summary>
    public async Task<CycleResult> FlagBounceAsync(DeliveryProblem problem, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (string.IsNullOrEmpty(problem.CycleId))
        {
            return CycleResult.NotFound("");
        }

        var consulteeId = problem.ConsulteeId ?? ConsulteeId.For(problem.Address);
        var report = new BounceReport(consulteeId, problem.Address, problem.Kind.ToString().ToLowerInvariant(), problem.Reason, problem.EventId);
        var actor = new Actor("sendgrid", AuditRole.System);
        var key = "bounce:" + problem.EventId;
        var result = await CommandAsync(new(problem.CycleId, actor, problem.RequestId ?? key, key), new WorkflowCommand { Kind = CommandKind.FlagBounce, Bounce = report },
            (_, _) => null, cancellationToken, raise: view => view.Stage == CycleStage.Consultation).ConfigureAwait(false);
        return Telemetry.WorkflowMetrics.BounceFlagged(result, report.Kind);
    }

    /// <summary>
    /// The one path of every command: authorise and check the cheap rules here (<paramref name="check"/>; a refusal
    /// changes nothing), record the command under the caller's idempotency key, then hand it to the running stage, which
    /// alone applies or refuses it and audits the outcome (<see cref="CommandAudit"/>). A command the cycle is not told of
    /// (<paramref name="raise"/> false), or a cycle of version 1, is audited here with its outcome's action, as before.
    /// </summary>
    private async Task<CycleResult> CommandAsync(CommandCall call, WorkflowCommand command, Func<CycleView, DateOnly, CycleResult?> check,
        CancellationToken cancellationToken, Func<CycleView, bool>? raise = null)
    {
        var (cycleId, actor, requestId, idempotencyKey) = call;
        ArgumentNullException.ThrowIfNull(actor);
        if (!IdempotencyKeys.IsValid(idempotencyKey))
        {
            return CycleResult.Invalid(cycleId, "idempotencyKey", IdempotencyKeys.Advice("an idempotency key", "a retried request is applied once"));
        }

        var view = await GetCycleAsync(cycleId, cancellationToken).ConfigureAwait(false);
        if (view is null)
        {
            return CycleResult.NotFound(cycleId);
        }

        var raised = raise?.Invoke(view) ?? true;
        var (action, subject, described) = CommandAudit.Describe(command);
        var details = new JsonObject();
        if (raised && view.DecidesCommands)
        {
            details["command"] = JsonValue.Create(command.Kind.ToString());
            action = AuditActions.CommandReceived;
        }

        foreach (var (name, value) in described)
        {
            details[name] = value;
        }

        var today = CouncilClock.Today(time, _options.ToCouncilSettings());

        // The key's audit row says whether this is a retry (the same command) or the key reused for a different request
        // (refused, as the consultee API does). A retry the cycle has not taken in yet, and could still take, is handed
        // over again: the first attempt may have stopped between recording it and raising it. The stage takes a command
        // id once (it keeps the ids it has seen), so a second delivery changes nothing.
        if (await audit.FindAsync(cycleId, "command:" + idempotencyKey, cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            if (earlier.Action != action || earlier.Details != details.ToJsonString())
            {
                return CycleResult.KeyReused(cycleId);
            }

            return raised && !view.RecentCommands.Contains(idempotencyKey) && check(view, today) is null
                ? await RaiseAsync(view, command, call, CycleResultKind.Repeated, cancellationToken).ConfigureAwait(false)
                : new CycleResult(CycleResultKind.Repeated, cycleId, [], view);
        }

        if (view.RecentCommands.Contains(idempotencyKey))
        {
            return new CycleResult(CycleResultKind.Repeated, cycleId, [], view);
        }

        if (check(view, today) is { } refused)
        {
            return refused;
        }

        await audit.AppendAsync(cycleId, new AuditEvent
        {
            Actor = actor.Email,
            Role = actor.Role,
            Action = action,
            Subject = subject,
            Details = details.Count > 0 ? details : null,
            RequestId = requestId,
            IdempotencyKey = "command:" + idempotencyKey,
        }, cancellationToken).ConfigureAwait(false);
        return raised
            ? await RaiseAsync(view, command, call, CycleResultKind.Accepted, cancellationToken).ConfigureAwait(false)
            : new CycleResult(CycleResultKind.Accepted, cycleId, [], view);
    }

    /// <summary>Hands the command to the stage that takes commands now; the caller may wait for its outcome
    /// (<see cref="WaitForCommandAsync"/>: the result carries the command id).</summary>
    private async Task<CycleResult> RaiseAsync(CycleView view, WorkflowCommand command, CommandCall call, CycleResultKind kind, CancellationToken cancellationToken)
    {
        command = command with { Id = call.IdempotencyKey, Actor = call.Actor.Email, Role = call.Actor.Role, RequestId = call.RequestId, IssuedAt = time.GetUtcNow().UtcDateTime };
        await client.RaiseEventAsync(view.CommandTarget, WorkflowCommand.EventName, command, cancellationToken).ConfigureAwait(false);
        return new CycleResult(kind, view.CycleId, [], view) { CommandId = call.IdempotencyKey };
    }

    private static CycleResult WrongStage(CycleView view, string field, string what) =>
        CycleResult.Conflict(view.CycleId, field, $"{StageWords.Where(view.Stage)}, so you cannot {what} now.");
}

/// <summary>Who sends a command to which cycle, under which request id and idempotency key.</summary>
internal sealed record CommandCall(string CycleId, Actor Actor, string RequestId, string IdempotencyKey);
