using System.Text.Json.Nodes;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Deadlines;
using ReviewWorkflow.Workflow.Validation;

namespace ReviewWorkflow.Workflow.ForwardPlan;

public sealed partial class ForwardPlanService
{
    public const int MaxReasonLength = 2000;
    public const int MaxChairNameLength = 200;

    /// <summary>
    /// Records the general-exception (reg 10) or special-urgency (reg 11) route for a key decision that cannot get the
    /// council's clear days of notice. Audited (keyed by <paramref name="idempotencyKey"/>) before it is stored; a
    /// retry with the same key answers <see cref="CycleResultKind.Repeated"/>, another exception for the same decision
    /// is a conflict. Bad input changes nothing.
    /// </summary>
    public async Task<CycleResult> RecordExceptionAsync(string cycleId, ExceptionRequest request, Actor actor, string requestId, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        if (!IdempotencyKeys.IsValid(idempotencyKey))
        {
            return CycleResult.Invalid(cycleId, "idempotencyKey", IdempotencyKeys.Advice("an idempotency key", "a retried request is recorded once"));
        }

        if (await cycles.GetCycleAsync(cycleId, cancellationToken).ConfigureAwait(false) is not { } cycle)
        {
            return CycleResult.NotFound(cycleId);
        }

        var notice = (await NoticesForAsync([cycle], cancellationToken).ConfigureAwait(false)).FirstOrDefault(n => n.RouteIndex == request.RouteIndex);
        if (notice is null)
        {
            return CycleResult.Conflict(cycleId, "routeIndex", "There is no upcoming key decision at that place on the route.");
        }

        if (notice.Exception is { } existing)
        {
            return existing.IdempotencyKey == idempotencyKey
                ? new CycleResult(CycleResultKind.Repeated, cycleId, [], cycle)
                : CycleResult.Conflict(cycleId, "route", $"An exception route is already recorded for {notice.DecisionMaker} on {DateText.Format(notice.DecisionDate)}.");
        }

        if (notice.Status == NoticeStatus.OnTime)
        {
            return CycleResult.Conflict(cycleId, "route", $"The key decision for {notice.DecisionMaker} was noticed {notice.ClearDaysNotice} clear days ahead: no exception is needed.");
        }

        var errors = Validate(request, notice, CouncilClock.Today(time, cycles.Settings));
        if (errors.Count > 0)
        {
            return CycleResult.Invalid(cycleId, errors);
        }

        var exception = new KeyDecisionExceptionRecord
        {
            Route = request.Route!.Value,
            Reason = request.Reason!.Trim(),
            ChairName = string.IsNullOrWhiteSpace(request.ChairName) ? null : request.ChairName.Trim(),
            ChairAgreedOn = request.ChairAgreedOn,
            RecordedBy = actor.Email,
            RecordedAt = time.GetUtcNow(),
            IdempotencyKey = idempotencyKey,
        };
        await audit.AppendAsync(cycleId, new AuditEvent
        {
            Actor = actor.Email,
            Role = actor.Role,
            Action = AuditActions.KeyDecisionExceptionRecorded,
            Subject = notice.DecisionMaker,
            Details = new JsonObject
            {
                ["route"] = exception.Route == ExceptionRoute.GeneralException ? "general-exception" : "special-urgency",
                ["meetingDate"] = DateText.Iso(notice.DecisionDate),
                ["reason"] = exception.Reason,
                ["chairName"] = exception.ChairName,
                ["chairAgreedOn"] = exception.ChairAgreedOn is { } agreed ? DateText.Iso(agreed) : null,
            },
            RequestId = requestId,
            IdempotencyKey = "key-decision-exception:" + idempotencyKey,
        }, cancellationToken).ConfigureAwait(false);

        var stored = await store.RecordExceptionAsync(cycleId, notice.RouteIndex.ToString("D2", System.Globalization.CultureInfo.InvariantCulture), exception, cancellationToken).ConfigureAwait(false);
        return stored.IdempotencyKey == idempotencyKey
            ? new CycleResult(CycleResultKind.Accepted, cycleId, [], cycle)
            : CycleResult.Conflict(cycleId, "route", $"An exception route is already recorded for {notice.DecisionMaker} on {DateText.Format(notice.DecisionDate)}.");
    }

    private static List<ValidationError> Validate(ExceptionRequest request, KeyDecisionNotice notice, DateOnly today)
    {
        var errors = new List<ValidationError>();
        if (request.Route is null)
        {
            errors.Add(new ValidationError("route", "Select general exception or special urgency"));
        }
        else if (request.Route == ExceptionRoute.GeneralException && !notice.GeneralExceptionPossible)
        {
            errors.Add(new ValidationError("route", $"Fewer than {KeyDecisionTiming.GeneralExceptionClearDays} clear days remain before {DateText.Format(notice.DecisionDate)}: a general exception is no longer possible, so select special urgency"));
        }

        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            errors.Add(new ValidationError("reason", "Enter why 28 clear days' notice could not be given"));
        }
        else if (request.Reason.Length > MaxReasonLength)
        {
            errors.Add(new ValidationError("reason", $"The reason must be {MaxReasonLength} characters or fewer"));
        }

        if (request.ChairName is { Length: > MaxChairNameLength })
        {
            errors.Add(new ValidationError("chairName", $"The chair's name must be {MaxChairNameLength} characters or fewer"));
        }

        if (request.Route == ExceptionRoute.SpecialUrgency)
        {
            if (string.IsNullOrWhiteSpace(request.ChairName))
            {
                errors.Add(new ValidationError("chairName", "Enter the name of the overview and scrutiny chair who agreed the decision is urgent"));
            }

            if (request.ChairAgreedOn is not { } agreed)
            {
                errors.Add(new ValidationError("chairAgreedOn", "Enter the date the overview and scrutiny chair agreed"));
            }
            else if (agreed > today)
            {
                errors.Add(new ValidationError("chairAgreedOn", "The date the chair agreed must be today or in the past"));
            }
        }

        return errors;
    }
}
