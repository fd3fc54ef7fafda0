using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using ReviewWorkflow.Web.Authentication;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Validation;

namespace ReviewWorkflow.Web.Api;

public static partial class CyclesApi
{
    private static Task<IResult> ExtendAsync(string id, HttpContext context, ReviewCycleService cycles,
        [FromHeader(Name = ApiBody.IdempotencyKeyHeader)] string? idempotencyKey, CancellationToken cancellationToken) =>
        CommandAsync<ExtendConsultationRequest>(id, context, idempotencyKey, WebRoles.Lead, optionalBody: false, (request, actor, key) =>
            request.Closes is { } closes
                ? cycles.ExtendConsultationAsync(id, closes, actor, context.RequestId(), key, cancellationToken)
                : Task.FromResult(CycleResult.Invalid(id, "closes", "Enter the new closing date, in the form yyyy-MM-dd.")));

    private static Task<IResult> CloseAsync(string id, HttpContext context, ReviewCycleService cycles,
        [FromHeader(Name = ApiBody.IdempotencyKeyHeader)] string? idempotencyKey, CancellationToken cancellationToken) =>
        CommandAsync<CloseConsultationRequest>(id, context, idempotencyKey, WebRoles.Lead, optionalBody: true, (_, actor, key) =>
            cycles.CloseConsultationAsync(id, actor, context.RequestId(), key, cancellationToken));

    private static Task<IResult> SubmitDraftAsync(string id, HttpContext context, ReviewCycleService cycles,
        [FromHeader(Name = ApiBody.IdempotencyKeyHeader)] string? idempotencyKey, CancellationToken cancellationToken) =>
        CommandAsync<DraftRequest>(id, context, idempotencyKey, WebRoles.Lead, optionalBody: false, (request, actor, key) =>
            cycles.SubmitDraftAsync(id, CycleRequestMapping.ToDraft(request), actor, context.RequestId(), key, cancellationToken));

    private static Task<IResult> RecordDecisionAsync(string id, HttpContext context, ReviewCycleService cycles,
        [FromHeader(Name = ApiBody.IdempotencyKeyHeader)] string? idempotencyKey, CancellationToken cancellationToken) =>
        CommandAsync<DecisionRequest>(id, context, idempotencyKey, WebRoles.Clerk, optionalBody: false, (request, actor, key) =>
        {
            var (decision, missing) = CycleRequestMapping.ToDecision(request);
            return missing.Count > 0
                ? Task.FromResult(CycleResult.Invalid(id, missing))
                : cycles.RecordDecisionAsync(id, decision, actor, context.RequestId(), key, cancellationToken);
        });

    private static Task<IResult> SetMeetingDateAsync(string id, HttpContext context, ReviewCycleService cycles,
        [FromHeader(Name = ApiBody.IdempotencyKeyHeader)] string? idempotencyKey, CancellationToken cancellationToken) =>
        CommandAsync<MeetingDateRequest>(id, context, idempotencyKey, WebRoles.Clerk, optionalBody: false, (request, actor, key) =>
            request.MeetingDate is { } date
                ? cycles.SetMeetingDateAsync(id, request.Body ?? "", date, actor, context.RequestId(), key, cancellationToken)
                : Task.FromResult(CycleResult.Invalid(id, "meetingDate", "Enter the date of the body's next meeting, in the form yyyy-MM-dd.")));

    /// <summary>Idempotency key, role, body, then the façade: 202 (applied) or 200 (a repeat of an applied key) with the
    /// cycle, else the façade's refusal as a problem.</summary>
    private static async Task<IResult> CommandAsync<TRequest>(
        string id, HttpContext context, string? idempotencyKey, string role, bool optionalBody,
        Func<TRequest, Actor, string, Task<CycleResult>> call)
        where TRequest : class, new()
    {
        // The header is read from the request, not the bound parameter (which is there for the OpenAPI document): two
        // Idempotency-Key headers would bind as one joined value.
        var idempotency = ApiBody.IdempotencyKey(context.Request);
        if (idempotency is not { Key: { } key })
        {
            return idempotency.Problem!;
        }

        if (context.User.ActorFor(role) is not { } actor)
        {
            return Forbidden(role);
        }

        var (request, bodyProblem) = await ApiBody.ReadAsync(context.Request, optionalBody, new TRequest()).ConfigureAwait(false);
        if (request is null)
        {
            return bodyProblem!;
        }

        var result = await call(request, actor, key).ConfigureAwait(false);
        if (result.Kind == CycleResultKind.Conflict && await WasAcceptedAsync(context, id, key).ConfigureAwait(false))
        {
            // A retry of a command the cycle already acted on and moved past (the draft that started ratification, the
            // decision that moved the report on): the façade only remembers the current stage's commands, the audit trail all.
            result = result with { Kind = CycleResultKind.Repeated, Cycle = await context.RequestServices.GetRequiredService<ReviewCycleService>()
                .GetCycleAsync(id, context.RequestAborted).ConfigureAwait(false) };
        }

        if (!result.Succeeded)
        {
            return ApiProblems.From(result);
        }

        if (result.Cycle is not { } view)
        {
            return ApiProblems.NotFound(id);
        }

        return result.Kind == CycleResultKind.Accepted
            ? TypedResults.Accepted(Location(view.CycleId), ApiCycle.From(view))
            : TypedResults.Ok(ApiCycle.From(view));
    }

    /// <summary>Whether the audit trail holds the row the façade wrote when it accepted a command with this key.</summary>
    private static async Task<bool> WasAcceptedAsync(HttpContext context, string cycleId, string key)
    {
        var rows = await context.RequestServices.GetRequiredService<AuditLog>().ReadAllAsync(cycleId, context.RequestAborted).ConfigureAwait(false);
        return rows.Any(r => r.IdempotencyKey == "command:" + key);
    }
}
