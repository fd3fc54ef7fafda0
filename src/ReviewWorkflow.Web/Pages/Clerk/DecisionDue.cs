using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Deadlines;

namespace ReviewWorkflow.Web.Pages.Clerk;

/// <summary>One decision a body owes: the cycle in ratification, the body it is with, that body's meeting and the last
/// day to publish the report (the publication clear days before the meeting).</summary>
public sealed record DecisionDue(
    string CycleId,
    string Title,
    string Body,
    int BodyIndex,
    int BodyCount,
    DateOnly MeetingDate,
    bool KeyDecision,
    DateOnly PublishBy,
    DateOnly Today)
{
    /// <summary>The meeting has happened (today or earlier): the decision can be recorded.</summary>
    public bool MeetingHeld => MeetingDate <= Today;

    /// <summary>The report should be out and the meeting is still to come: worth showing the publication deadline.</summary>
    public bool PublicationDue => !MeetingHeld;

    public bool PublicationPassed => PublishBy < Today;

    public bool IsLastBody => BodyIndex == BodyCount - 1;

    /// <summary>The decision due for <paramref name="cycle"/>, or null when it is not waiting for a body.</summary>
    public static DecisionDue? For(CycleView cycle, CouncilSettings settings, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        if (cycle.Stage != CycleStage.Ratification || cycle.CurrentBodyIndex is not { } index || index < 0 || index >= cycle.Route.Count)
        {
            return null;
        }

        var step = cycle.Route[index];
        return new DecisionDue(cycle.CycleId, cycle.Title, step.Body, index, cycle.Route.Count, step.MeetingDate, step.KeyDecision,
            ClearDays.LatestPublicationDate(step.MeetingDate, settings), today);
    }
}
