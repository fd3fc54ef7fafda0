using System.Text.Json.Serialization;
using ReviewWorkflow.Workflow.Json;

namespace ReviewWorkflow.Workflow.Council;

/// <summary>What happens to a response submitted after the consultation closed.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<LateResponseRule>))]
public enum LateResponseRule
{
    /// <summary>Keep it, marked late, so the lead can still consider it (the default: nothing a consultee says is lost).</summary>
    AcceptAndMarkLate,
    /// <summary>Refuse it with a message saying the consultation has closed.</summary>
    Refuse,
}
