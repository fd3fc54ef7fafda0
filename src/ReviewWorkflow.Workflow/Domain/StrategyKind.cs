using System.Text.Json.Serialization;
using ReviewWorkflow.Workflow.Json;

namespace ReviewWorkflow.Workflow.Domain;

/// <summary>A strategy sets priorities; a pledge (promises) document is owned by the Children in Care Council.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<StrategyKind>))]
public enum StrategyKind
{
    Strategy,
    Pledge,
}
