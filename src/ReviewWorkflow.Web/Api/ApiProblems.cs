using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

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
}
