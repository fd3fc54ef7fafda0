using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Cycles;

namespace ReviewWorkflow.Web.Api;

public static partial class CyclesApi
{
    private static void MapAudit(RouteGroupBuilder cycles)
    {
        cycles.MapGet("/{id}/audit", ReadAuditAsync).WithName("GetAuditTrail").RequireAuthorization(StaffPolicy)
            .Produces<IReadOnlyList<ApiAuditRow>>()
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        cycles.MapGet("/{id}/audit/verify", VerifyAuditAsync).WithName("VerifyAuditTrail").RequireAuthorization(StaffPolicy)
            .Produces<ApiAuditVerification>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>The trail as JSON rows, or with <c>?format=csv</c> as a CSV download (formula-looking cells made inert).</summary>
    private static async Task<IResult> ReadAuditAsync(string id, string? format, ReviewCycleService cycles, AuditLog audit, CancellationToken cancellationToken)
    {
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        if (!csv && format is not null && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            return ApiProblems.Field("format", "Use format=json (the default) or format=csv.");
        }

        if (await cycles.GetCycleAsync(id, cancellationToken).ConfigureAwait(false) is null)
        {
            return ApiProblems.NotFound(id);
        }

        if (csv)
        {
            return TypedResults.Stream(stream => audit.ExportCsvAsync(id, stream, cancellationToken), "text/csv; charset=utf-8", $"audit-{id}.csv");
        }

        var rows = await audit.ReadAllAsync(id, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok<IReadOnlyList<ApiAuditRow>>([.. rows.Select(ApiAuditRow.From)]);
    }

    private static async Task<IResult> VerifyAuditAsync(string id, ReviewCycleService cycles, AuditLog audit, CancellationToken cancellationToken)
    {
        if (await cycles.GetCycleAsync(id, cancellationToken).ConfigureAwait(false) is null)
        {
            return ApiProblems.NotFound(id);
        }

        var verification = await audit.VerifyAsync(id, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new ApiAuditVerification(verification.Valid, verification.Rows, verification.FirstBrokenSequence, verification.Reason, verification.Redacted));
    }
}
