using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ReviewWorkflow.Web.Cycles;
using ReviewWorkflow.Workflow.Calendar;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.ForwardPlan;

namespace ReviewWorkflow.Web.ForwardPlan;

/// <summary>
/// The forward plan's data and the calendar feeds: <c>GET /api/forward-plan</c> (JSON, in the OpenAPI document),
/// <c>GET /forward-plan.csv</c>, <c>GET /calendar.ics</c> (the committee meetings of every cycle: public) and
/// <c>GET /cycles/{id}/calendar.ics</c> (every item of one cycle, for staff: signed in, or the link's token, since
/// calendar apps subscribe without signing in; also at <c>/calendar/cycles/{id}.ics</c>, the subscription link's path). The page is <c>/forward-plan</c> (Pages/ForwardPlan).
/// </summary>
public static class ForwardPlanEndpoints
{
    public static IEndpointRouteBuilder MapForwardPlan(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/api/forward-plan", async (ForwardPlanService plan, CancellationToken ct) =>
                TypedResults.Ok(ApiForwardPlan.From(await plan.GetAsync(ct).ConfigureAwait(false))))
            .WithName("GetForwardPlan").WithTags("Forward plan")
            .WithSummary("Every upcoming key decision with the notice regulation 9 asks for, by decision date (public, no sign-in).")
            .AllowAnonymous().Produces<ApiForwardPlan>();

        endpoints.MapGet("/forward-plan.csv", async (ForwardPlanService plan, CancellationToken ct) =>
                TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(ForwardPlanCsv.Write(await plan.GetAsync(ct).ConfigureAwait(false)))).ToArray(),
                    "text/csv; charset=utf-8", "forward-plan.csv"))
            .AllowAnonymous().ExcludeFromDescription();

        endpoints.MapGet("/calendar.ics", PublicCalendarAsync).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapGet("/cycles/{id}/calendar.ics", CycleCalendarAsync).AllowAnonymous().ExcludeFromDescription();
        // The same feed under /calendar/, the path App Service Authentication lets through unsigned (infra/app/webapp.bicep):
        // the subscription link uses it, so a calendar app with the token reaches the app, which checks the token.
        endpoints.MapGet("/calendar/cycles/{id}.ics", CycleCalendarAsync).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> PublicCalendarAsync(ReviewCycleService cycles, CancellationToken ct)
    {
        var all = await cycles.ListCyclesAsync(ct).ConfigureAwait(false);
        var items = all.SelectMany(c => CycleCalendarItems.For(c, cycles.Settings)).Where(i => i.Public);
        var stamp = all.Select(c => c.UpdatedAt).DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max();
        return Ics(CalendarFeed.Write(items, "Committee meetings", stamp));
    }

    private static async Task<IResult> CycleCalendarAsync(string id, string? token, HttpContext context, ReviewCycleService cycles, CalendarFeedTokens tokens, CancellationToken ct)
    {
        var signedIn = context.User.Identity?.IsAuthenticated == true && CycleAccess.CanView(context.User);
        if (!signedIn && !tokens.IsValid(id, token))
        {
            // The same answer for a wrong token and an unknown cycle: a token cannot be used to learn which ids exist.
            return TypedResults.Text("Sign in, or use the subscription link from the cycle's page.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status401Unauthorized);
        }

        if (await cycles.GetCycleAsync(id, ct).ConfigureAwait(false) is not { } cycle)
        {
            return TypedResults.NotFound();
        }

        return Ics(CalendarFeed.Write(CycleCalendarItems.For(cycle, cycles.Settings), cycle.Title, cycle.UpdatedAt));
    }

    private static Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult Ics(string body) =>
        TypedResults.Bytes(Encoding.UTF8.GetBytes(body), CalendarFeed.ContentType);
}
