using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ReviewWorkflow.Web.Api;
using ReviewWorkflow.Web.Authentication;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.PersonalData;

namespace ReviewWorkflow.Web.PersonalData;

/// <summary>
/// Subject access and erasure for administrators: <c>GET /api/personal-data?email=…</c> (JSON, or <c>&amp;format=csv</c>)
/// finds everything held about an address, grouped by cycle and table; <c>POST /api/personal-data/erasure</c> with
/// <c>{ "email", "reason" }</c> and an Idempotency-Key erases it and answers the counts per table. Bad input is a
/// problem naming the field and changes nothing.
/// </summary>
public static class PersonalDataApi
{
    public static IEndpointRouteBuilder MapPersonalDataApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup("/api/personal-data").WithTags("Personal data").RequireAuthorization(WebRoles.Policies.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("", FindAsync).WithName("FindPersonalData")
            .Produces<JsonObject>().Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesValidationProblem();
        group.MapPost("/erasure", EraseAsync).WithName("ErasePersonalData").Accepts<ErasureRequest>("application/json")
            .Produces<ErasureAnswer>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return endpoints;
    }

    private static async Task<IResult> FindAsync(string? email, string? format, SubjectAccess access, CancellationToken cancellationToken)
    {
        if (PersonalDataInput.EmailProblem(email) is { } problem)
        {
            return ApiProblems.Field("email", problem);
        }

        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        if (!csv && format is not null && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            return ApiProblems.Field("format", "Use format=json (the default) or format=csv.");
        }

        var address = email!.Trim();
        var json = PersonalDataJson.From(address, await access.FindAsync(address, cancellationToken).ConfigureAwait(false));
        return csv ? Csv(json) : TypedResults.Json(json);
    }

    internal static IResult Csv(JsonObject json)
    {
        var text = new StringBuilder("cycle,table,field,value\r\n");
        foreach (var row in PersonalDataJson.Rows(json))
        {
            text.Append(string.Join(',', row.Select(CsvCell.Escape))).Append("\r\n");
        }

        return TypedResults.File(new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray(), "text/csv", "personal-data.csv");
    }

    private static async Task<IResult> EraseAsync(HttpContext context, ErasureRequests erasures, CancellationToken cancellationToken)
    {
        var (key, keyProblem) = ApiBody.IdempotencyKey(context.Request);
        if (keyProblem is not null)
        {
            return keyProblem;
        }

        var (body, bodyProblem) = await ApiBody.ReadAsync<ErasureRequest>(context.Request).ConfigureAwait(false);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (PersonalDataInput.EmailProblem(body!.Email) is { } emailProblem)
        {
            errors["email"] = [emailProblem];
        }

        if (PersonalDataInput.ReasonProblem(body.Reason) is { } reasonProblem)
        {
            errors["reason"] = [reasonProblem];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Fields(errors);
        }

        var actor = context.User.ActorFor(WebRoles.Admin)!;
        var (outcome, answer) = await erasures.EraseAsync(body.Email!.Trim(), body.Reason!.Trim(), actor, key!, cancellationToken).ConfigureAwait(false);
        return outcome switch
        {
            ErasureOutcome.NotFound => ApiProblems.Status(StatusCodes.Status404NotFound, "Nothing is held about this address.",
                new Dictionary<string, string[]>(StringComparer.Ordinal) { ["email"] = ["No cycle holds personal data about this address, and none was erased before: nothing was changed. Check the spelling."] }),
            ErasureOutcome.KeyReused => ApiProblems.Status(StatusCodes.Status409Conflict, "This Idempotency-Key was used for another address.",
                new Dictionary<string, string[]>(StringComparer.Ordinal) { [ApiBody.IdempotencyKeyHeader] = ["Use a new Idempotency-Key (a new GUID) for each erasure."] }),
            _ => TypedResults.Ok(answer),
        };
    }
}

/// <summary>The body of <c>POST /api/personal-data/erasure</c>.</summary>
public sealed record ErasureRequest(string? Email, string? Reason);
