using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Cycles.ReadModel;
using ReviewWorkflow.Workflow.ForwardPlan;

namespace ReviewWorkflow.Workflow.Calendar;

/// <summary>
/// Follows each read-model change of a cycle (<see cref="ProjectCycleActivity"/>) with the committee meetings' calendar
/// invitations. Reads the cycle through <see cref="ReviewCycleService.GetCycleAsync"/> (the row just written), so it sees
/// what the pages see. Idempotent, as <see cref="MeetingInvitations.SyncAsync"/> is. Registered by
/// <c>AddReviewCycleServices</c>. (The forward plan records a key decision's first-published date when the plan is
/// read, see <see cref="ForwardPlan.ForwardPlanService"/>.)
/// </summary>
public sealed class CalendarCycleListener(ReviewCycleService cycles, MeetingInvitations invitations) : ICycleChangeListener
{
    public async Task CycleChangedAsync(ReviewCycleRecord cycle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        if (await cycles.GetCycleAsync(cycle.CycleId, cancellationToken).ConfigureAwait(false) is not { } view)
        {
            return;
        }

        await invitations.SyncAsync(view, cancellationToken).ConfigureAwait(false);
    }
}
