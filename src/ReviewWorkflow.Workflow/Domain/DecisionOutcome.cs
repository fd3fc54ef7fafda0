using System.Text.Json.Serialization;
using ReviewWorkflow.Workflow.Json;

namespace ReviewWorkflow.Workflow.Domain;

/// <summary>What a body decided about the report. See <see cref="DecisionOutcomes.Effect"/> for what each does to the route.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<DecisionOutcome>))]
public enum DecisionOutcome
{
    /// <summary>Noted: a non-final "received" outcome (Kent's panel notes its strategy); the route moves on.</summary>
    Note,
    /// <summary>Commented on: non-final like <see cref="Note"/>; the comments go in the resolution text.</summary>
    Comment,
    Endorse,
    /// <summary>Recommend to the next body (Rutland: Cabinet recommends to Council).</summary>
    Recommend,
    Approve,
    Adopt,
    /// <summary>Put off to a later meeting of the same body; needs the new meeting date.</summary>
    Defer,
    /// <summary>Sent back to the lead with comments; drafting resumes, then the route resumes at this body.</summary>
    ReferBack,
    Reject,
}
