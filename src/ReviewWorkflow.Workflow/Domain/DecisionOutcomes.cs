namespace ReviewWorkflow.Workflow.Domain;

/// <summary>The rules that turn a body's decision into the next step of the route.</summary>
public static class DecisionOutcomes
{
    /// <summary>
    /// endorse / recommend / note / comment → next body, or adoption when this was the last body (a route that ends in
    /// "noted", as Kent's does, leaves the strategy in force); approve / adopt → adopted, whatever bodies remain;
    /// defer → deferred; refer-back → referred back; reject → closed.
    /// </summary>
    public static RouteEffect Effect(DecisionOutcome outcome, bool isLastBody) => outcome switch
    {
        DecisionOutcome.Note or DecisionOutcome.Comment or DecisionOutcome.Endorse or DecisionOutcome.Recommend
            => isLastBody ? RouteEffect.Adopted : RouteEffect.NextBody,
        DecisionOutcome.Approve or DecisionOutcome.Adopt => RouteEffect.Adopted,
        DecisionOutcome.Defer => RouteEffect.Deferred,
        DecisionOutcome.ReferBack => RouteEffect.ReferredBack,
        DecisionOutcome.Reject => RouteEffect.Closed,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown decision outcome."),
    };

    /// <summary>True for the "noted" outcomes that record receipt rather than a decision.</summary>
    public static bool IsNoted(DecisionOutcome outcome) => outcome is DecisionOutcome.Note or DecisionOutcome.Comment;

    /// <summary>Defer needs a new meeting date; refer-back needs comments.</summary>
    public static bool NeedsNewMeetingDate(DecisionOutcome outcome) => outcome == DecisionOutcome.Defer;

    public static bool NeedsComments(DecisionOutcome outcome) => outcome == DecisionOutcome.ReferBack;
}
