using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;

namespace ReviewWorkflow.Workflow.Ratification;

/// <summary>Where ratification stands; changed only by <see cref="RatificationStage"/>.</summary>
public sealed record RatificationState : StageState
{
    /// <summary>The route as it stands (deferrals and rescheduled meetings applied).</summary>
    public IReadOnlyList<RouteStep> Route { get; init; } = [];

    /// <summary>The body the report is with.</summary>
    public int Index { get; init; }

    /// <summary>Keys of reminders and escalations sent (each goes once).</summary>
    public IReadOnlyList<string> Sent { get; init; } = [];

    /// <summary>Every decision recorded in this cycle, in order.</summary>
    public IReadOnlyList<DecisionSummary> Decisions { get; init; } = [];

    /// <summary>Set by the decision that ends ratification (adopted, referred back or rejected).</summary>
    public RatificationOutcome? Outcome { get; init; }

    /// <summary>The decision that ended it.</summary>
    public DecisionSummary? Decision { get; init; }
}
