using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ReviewWorkflow.Web.Layout;

/// <summary>One entry in the GOV.UK error summary: the message and the id of the field it links to.</summary>
public sealed record ErrorSummaryItem(string FieldId, string Message);

/// <summary>
/// The GOV.UK error pattern over ModelState: an error summary at the top linking to each field
/// (Pages/Shared/_ErrorSummary.cshtml) and the inline message by the field (_FieldError.cshtml). A field's element id
/// is its ModelState key made into an id the way tag helpers do (<c>Input.Email</c> → <c>Input_Email</c>).
/// </summary>
public static class GovUkErrors
{
    public static string FieldId(string key) => TagBuilder.CreateSanitizedId(key, "_");

    public static IReadOnlyList<ErrorSummaryItem> Summary(ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        return [.. modelState
            .Where(e => e.Value is { ValidationState: ModelValidationState.Invalid })
            .SelectMany(e => e.Value!.Errors.Select(error => new ErrorSummaryItem(FieldId(e.Key), Message(error))))];
    }

    /// <summary>The first error message for the field, or null.</summary>
    public static string? For(ModelStateDictionary modelState, string key)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        return modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? Message(entry.Errors[0]) : null;
    }

    /// <summary>"govuk-form-group" plus the error modifier when the field has an error.</summary>
    public static string FormGroupClass(ModelStateDictionary modelState, string key)
        => For(modelState, key) is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error";

    private static string Message(ModelError error)
        => string.IsNullOrWhiteSpace(error.ErrorMessage) ? "Check this answer" : error.ErrorMessage;
}
