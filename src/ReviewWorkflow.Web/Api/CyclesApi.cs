using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using ReviewWorkflow.Web.Authentication;
using ReviewWorkflow.Web.Cycles;
using ReviewWorkflow.Workflow.Analysis;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Validation;

namespace ReviewWorkflow.Web.Api;

/// <summary>
/// The staff JSON API under <c>/api/cycles</c> (reads for leads and clerks; start, extend, close and drafts for leads;
/// decisions and meeting dates for clerks) and the OpenAPI document at <c>/openapi/v1.json</c>. Every state-changing call needs an
/// <c>Idempotency-Key</c> header, passed to the façade so a retry is applied once; every refusal is a problem naming the field.
/// </summary>
public static partial class CyclesApi
{
    private const string Json = "application/json";

    public static IEndpointRouteBuilder MapReviewWorkflowApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var cycles = endpoints.MapGroup("/api/cycles").WithTags("Review cycles")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        cycles.MapGet("", ListAsync).WithName("ListCycles").RequireAuthorization(StaffPolicy)
            .Produces<IReadOnlyList<ApiCycle>>();
        cycles.MapGet("/{id}", GetAsync).WithName("GetCycle").RequireAuthorization(StaffPolicy)
            .Produces<ApiCycle>().ProducesProblem(StatusCodes.Status404NotFound);
        cycles.MapPost("", StartAsync).WithName("StartCycle").RequireAuthorization(WebRoles.Policies.Lead)
            .Accepts<StartCycleRequest>(Json)
            .Produces<ApiCycle>(StatusCodes.Status201Created).Produces<ApiCycle>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        MapCommand(cycles.MapPost("/{id}/consultation/extend", ExtendAsync).WithName("ExtendConsultation").RequireAuthorization(WebRoles.Policies.Lead)
            .Accepts<ExtendConsultationRequest>(Json));
        MapCommand(cycles.MapPost("/{id}/consultation/close", CloseAsync).WithName("CloseConsultation").RequireAuthorization(WebRoles.Policies.Lead)
            .Accepts<CloseConsultationRequest>(isOptional: true, Json));
        MapCommand(cycles.MapPost("/{id}/drafts", SubmitDraftAsync).WithName("SubmitDraft").RequireAuthorization(WebRoles.Policies.Lead)
            .Accepts<DraftRequest>(Json));
        MapCommand(cycles.MapPost("/{id}/decisions", RecordDecisionAsync).WithName("RecordDecision").RequireAuthorization(WebRoles.Policies.Clerk)
            .Accepts<DecisionRequest>(Json));
        MapCommand(cycles.MapPost("/{id}/meeting-date", SetMeetingDateAsync).WithName("SetMeetingDate").RequireAuthorization(WebRoles.Policies.Clerk)
            .Accepts<MeetingDateRequest>(Json));

        MapAudit(cycles);
        endpoints.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        return endpoints;
    }

    /// <summary>Leads and clerks (and administrators) may read cycles and their audit trails.</summary>
    private static void StaffPolicy(Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder policy) =>
        policy.RequireAuthenticatedUser().RequireClaim(ClaimTypes.Role, WebRoles.Lead, WebRoles.Clerk, WebRoles.Admin);

    private static void MapCommand(RouteHandlerBuilder command) => command
        .Produces<ApiCycle>(StatusCodes.Status202Accepted).Produces<ApiCycle>()
        .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    private static async Task<IResult> ListAsync(ReviewCycleService cycles, CancellationToken cancellationToken)
    {
        var views = await cycles.ListCyclesAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok<IReadOnlyList<ApiCycle>>([.. views.Select(ApiCycle.From)]);
    }

    private static async Task<IResult> GetAsync(string id, ReviewCycleService cycles, HttpContext context, ResponseAnalysis analysis, CancellationToken cancellationToken) =>
        await cycles.GetCycleAsync(id, cancellationToken).ConfigureAwait(false) is { } view
            ? TypedResults.Ok(ApiCycle.From(view) with { Themes = await ThemesForAsync(context, view, analysis, cancellationToken).ConfigureAwait(false) })
            : ApiProblems.NotFound(id);

    /// <summary>The lead's themes with their links, for the cycle's lead and administrators only (issue 18).</summary>
    private static async Task<IReadOnlyList<ApiTheme>?> ThemesForAsync(HttpContext context, CycleView view, ResponseAnalysis analysis, CancellationToken cancellationToken) =>
        ResponsesAccess.Allows(context.User, view) && await analysis.LoadAsync(view.CycleId, cancellationToken).ConfigureAwait(false) is { } cycle
            ? ApiTheme.From(cycle)
            : null;

    private static async Task<IResult> StartAsync(
        HttpContext context, ReviewCycleService cycles, TimeProvider time,
        [FromHeader(Name = ApiBody.IdempotencyKeyHeader)] string? idempotencyKey, CancellationToken cancellationToken)
    {
        // The header is read from the request, not the bound parameter (which is there for the OpenAPI document): two
        // Idempotency-Key headers would bind as one joined value.
        var idempotency = ApiBody.IdempotencyKey(context.Request);
        if (idempotency is not { Key: { } key })
        {
            return idempotency.Problem!;
        }

        if (context.User.ActorFor(WebRoles.Lead) is not { } actor)
        {
            return Forbidden(WebRoles.Lead);
        }

        var (request, bodyProblem) = await ApiBody.ReadAsync<StartCycleRequest>(context.Request).ConfigureAwait(false);
        if (request is null)
        {
            return bodyProblem!;
        }

        var settings = cycles.Settings;
        var today = CouncilClock.Today(time, settings);
        var (definition, missing) = CycleRequestMapping.ToDefinition(request, today);
        if (missing.Count > 0)
        {
            // Report everything at once: what is missing here, and what the domain rules say about the rest.
            var named = definition with { Id = string.IsNullOrEmpty(definition.Id) ? ReviewCycleService.DeriveId(key) : definition.Id };
            return ApiProblems.From(CycleResult.Invalid(named.Id, [.. missing, .. ReviewCycleValidator.Validate(named, settings, today)]));
        }

        var result = await cycles.StartCycleAsync(definition, actor, context.RequestId(), key, request.PreviousCycleId, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return ApiProblems.From(result);
        }

        var view = result.Cycle ?? await cycles.GetCycleAsync(result.CycleId!, cancellationToken).ConfigureAwait(false);
        if (view is null)
        {
            return ApiProblems.NotFound(result.CycleId!);
        }

        if (view.Route.Count == 0)
        {
            // Just scheduled: the orchestration has not published its status yet, so show what it was started with.
            view = view with { Title = definition.Strategy.Title, ConsultationCloses = definition.Consultation.Closes, Route = definition.Route };
        }

        return result.Kind == CycleResultKind.Accepted
            ? TypedResults.Created(Location(view.CycleId), ApiCycle.From(view))
            : TypedResults.Ok(ApiCycle.From(view));
    }

    internal static string Location(string cycleId) => "/api/cycles/" + Uri.EscapeDataString(cycleId);

    internal static IResult Forbidden(string role) =>
        ApiProblems.Status(StatusCodes.Status403Forbidden, "You do not have the role this needs.",
            new Dictionary<string, string[]>(StringComparer.Ordinal) { ["role"] = [$"Only a {role} (or an administrator) can do this."] });
}
