using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using ReviewWorkflow.Workflow.Cycles;

namespace ReviewWorkflow.Web.Api;

/// <summary>RFC 7807 problem details for the API, always naming the field at fault (JSON path style: <c>consultation.closes</c>).</summary>
public static class ApiProblems
{
    /// <summary>400 with <c>errors: { field: [message] }</c> and a title naming the first field.</summary>
    public static ValidationProblem Field(string field, string message)
        => Fields(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });

    /// <summary>400 for several fields at once.</summary>
    public static ValidationProblem Fields(IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var first = errors.Keys.FirstOrDefault() ?? "request";
        return TypedResults.ValidationProblem(
            errors,
            detail: errors.Count == 1 ? $"{first}: {string.Join(" ", errors[first])}" : $"{errors.Count} fields are invalid, starting with {first}.",
            title: errors.Count == 1 ? $"The field '{first}' is invalid." : "Some fields are invalid.",
            type: "https://tools.ietf.org/html/rfc9110#section-15.5.1");
    }

    /// <summary>Any status with the same <c>errors</c> shape (415 naming <c>Content-Type</c>, 404 naming <c>id</c>, 409 naming the field in the way).</summary>
    public static ProblemHttpResult Status(int status, string title, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var first = errors.Keys.FirstOrDefault() ?? "request";
        return TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = status,
            Title = title,
            Detail = errors.TryGetValue(first, out var messages) ? $"{first}: {string.Join(" ", messages)}" : null,
            Type = status switch
            {
                StatusCodes.Status404NotFound => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
                StatusCodes.Status409Conflict => "https://tools.ietf.org/html/rfc9110#section-15.5.10",
                StatusCodes.Status415UnsupportedMediaType => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
                StatusCodes.Status403Forbidden => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
                _ => null,
            },
        });
    }

    /// <summary>The problem for a refused façade call: Invalid → 400, NotFound → 404, Conflict → 409, a reused key → 422, each naming the fields.</summary>
    public static IResult From(CycleResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var errors = result.Errors
            .GroupBy(e => string.IsNullOrEmpty(e.Field) ? "request" : e.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
        return result.Kind switch
        {
            CycleResultKind.Invalid => Fields(errors),
            CycleResultKind.NotFound => NotFound(result.CycleId ?? ""),
            CycleResultKind.Conflict => Status(StatusCodes.Status409Conflict, "The cycle is not in a state that allows this.", errors),
            CycleResultKind.KeyReused => Status(StatusCodes.Status422UnprocessableEntity, "The Idempotency-Key was already used for a different request.",
                new Dictionary<string, string[]>(StringComparer.Ordinal) { [ApiBody.IdempotencyKeyHeader] = [.. result.Errors.Select(e => e.Message)] }),
            _ => throw new ArgumentException($"{result.Kind} is not a refusal.", nameof(result)),
        };
    }

    /// <summary>404 naming <c>id</c>.</summary>
    public static ProblemHttpResult NotFound(string cycleId) =>
        Status(StatusCodes.Status404NotFound, "There is no such review cycle.",
            new Dictionary<string, string[]>(StringComparer.Ordinal) { ["id"] = [$"There is no review cycle '{cycleId}'."] });
}
