using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ReviewWorkflow.Web.Cycles;
using ReviewWorkflow.Web.Pages.Cycles.Responses;
using ReviewWorkflow.Workflow.Analysis;

namespace ReviewWorkflow.Web.Api;

/// <summary>
/// <c>GET /api/cycles/{id}/responses</c>: a cycle's submitted responses for its lead and administrators, with the
/// responses page's filters (group, audience, pledge, view, theme, q) and counts; JSON a page at a time, or
/// <c>?format=csv</c> for every matched response. A bad filter, a page past the last, an unknown format: 400 naming the
/// parameter. Another cycle's lead or a clerk: 403; nobody signed in: 401.
/// </summary>
public static class ResponsesAnalysisApi
{
    public static IEndpointRouteBuilder MapResponsesAnalysisApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/api/cycles/{id}/responses", GetAsync).WithName("ListResponses").WithTags("Responses")
            .RequireAuthorization()
            .WithDescription("A page of the cycle's submitted responses as JSON; with format=csv, every matched response as CSV (text/csv, UTF-8 with a BOM, one row per response and pledge).")
            .Produces<ApiResponsesPage>(StatusCodes.Status200OK, "application/json", "text/csv")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<IResult> GetAsync(string id, HttpContext context, ResponseAnalysis analysis, [AsParameters] ResponsesQuery query, string? format, CancellationToken cancellationToken)
    {
        if (await analysis.LoadAsync(id, cancellationToken).ConfigureAwait(false) is not { } cycle)
        {
            return ApiProblems.NotFound(id);
        }

        if (!ResponsesAccess.Allows(context.User, cycle.Cycle))
        {
            return ApiProblems.Status(StatusCodes.Status403Forbidden, "Only the cycle's lead and administrators may read its responses.",
                new Dictionary<string, string[]>(StringComparer.Ordinal) { ["id"] = ["You are not the lead of this cycle."] });
        }

        var csv = format?.Trim() switch
        {
            null or "" or "json" => false,
            "csv" => true,
            _ => (bool?)null,
        };
        var (filter, errors) = ResponseFilterParser.Parse(cycle, query.Group, query.Audience, query.Pledge, query.View, query.Theme, query.Q, query.Page);
        var problems = errors.GroupBy(e => e.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
        if (csv is null)
        {
            problems["format"] = ["Ask for format=json (the default) or format=csv."];
        }

        if (problems.Count > 0)
        {
            return ApiProblems.Fields(problems);
        }

        if (csv == true)
        {
            return TypedResults.File(ResponsesCsv.Write(cycle, ResponseQuery.Matching(cycle, filter)), "text/csv; charset=utf-8", $"{id}-responses.csv");
        }

        var page = ResponseQuery.Run(cycle, filter);
        if (page.OutOfRange)
        {
            return ApiProblems.Field("page", $"There is no page {filter.Page}: the responses fill {Math.Max(page.PageCount, 1)} {(page.PageCount > 1 ? "pages" : "page")}.");
        }

        return TypedResults.Ok(ApiResponsesPage.From(cycle, page));
    }
}
