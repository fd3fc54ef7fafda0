using System.Text.Json.Serialization;
using ReviewWorkflow.Workflow.Json;

namespace ReviewWorkflow.Workflow.Cycles;

/// <summary>Where a review cycle is: "consultation", "drafting", "ratification", "adopted" (in force, monitored) or "closed".</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<CycleStage>))]
public enum CycleStage
{
    Consultation,
    Drafting,
    Ratification,
    Adopted,
    Closed,
}
