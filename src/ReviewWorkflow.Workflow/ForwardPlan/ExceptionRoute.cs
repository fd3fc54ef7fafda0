using System.Text.Json.Serialization;
using ReviewWorkflow.Workflow.Json;

namespace ReviewWorkflow.Workflow.ForwardPlan;

/// <summary>The route a clerk records when a key decision cannot get 28 clear days' notice.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<ExceptionRoute>))]
public enum ExceptionRoute
{
    /// <summary>Reg 10: the overview and scrutiny chair is told, a notice is published, and 5 clear days pass before the decision.</summary>
    GeneralException,

    /// <summary>Reg 11: the decision cannot wait 5 clear days; the overview and scrutiny chair agrees it is urgent.</summary>
    SpecialUrgency,
}
