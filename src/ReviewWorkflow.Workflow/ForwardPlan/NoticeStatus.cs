using System.Text.Json.Serialization;
using ReviewWorkflow.Workflow.Json;

namespace ReviewWorkflow.Workflow.ForwardPlan;

/// <summary>How a key decision was (or is to be) noticed: "on-time" (28 clear days, reg 9), "late" (fewer, and no
/// exception recorded yet), "general-exception" (reg 10) or "special-urgency" (reg 11).</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<NoticeStatus>))]
public enum NoticeStatus
{
    OnTime,
    Late,
    GeneralException,
    SpecialUrgency,
}
