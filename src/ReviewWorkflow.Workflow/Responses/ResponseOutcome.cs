using System.Text.Json.Serialization;
using ReviewWorkflow.Workflow.Json;
using ReviewWorkflow.Workflow.Validation;

namespace ReviewWorkflow.Workflow.Responses;

[JsonConverter(typeof(KebabCaseEnumConverter<ResponseOutcomeKind>))]
public enum ResponseOutcomeKind
{
    /// <summary>Saved; <see cref="ResponseOutcome.Response"/> has the new ETag.</summary>
    Saved,
    /// <summary>Submitted (or a repeat of the same submission with the same idempotency key).</summary>
    Submitted,
    /// <summary>Someone saved first; see <see cref="ResponseOutcome.Conflict"/>. Nothing was overwritten.</summary>
    Conflict,
    /// <summary>The content breaks a rule; see <see cref="ResponseOutcome.Errors"/>. Nothing was stored.</summary>
    Invalid,
    /// <summary>Already submitted; the stored response is unchanged.</summary>
    AlreadySubmitted,
    /// <summary>The consultation has closed and the council refuses late responses (the attempt is kept as a draft).</summary>
    Closed,
}

/// <summary>The result of a save or submission; <see cref="Message"/> is a sentence for the consultee when not Saved/Submitted.</summary>
public sealed record ResponseOutcome(
    ResponseOutcomeKind Kind,
    StoredResponse? Response = null,
    ResponseConflict? Conflict = null,
    IReadOnlyList<ValidationError>? Errors = null,
    string? Message = null)
{
    public bool Succeeded => Kind is ResponseOutcomeKind.Saved or ResponseOutcomeKind.Submitted;
}
