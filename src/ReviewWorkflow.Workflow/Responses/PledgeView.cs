using System.Text.Json.Serialization;
using ReviewWorkflow.Workflow.Json;

namespace ReviewWorkflow.Workflow.Responses;

/// <summary>A consultee's view of one pledge: "agree", "partly", "disagree", "dont-know".</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<PledgeView>))]
public enum PledgeView
{
    Agree,
    Partly,
    Disagree,
    DontKnow,
}
