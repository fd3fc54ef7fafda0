using System.Text.Json.Serialization;
using ReviewWorkflow.Workflow.Json;

namespace ReviewWorkflow.Workflow.Responses;

/// <summary>"not-started" (nothing saved), "in-progress" (saved, not submitted), "submitted" (final).</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<ResponseStatus>))]
public enum ResponseStatus
{
    NotStarted,
    InProgress,
    Submitted,
}
