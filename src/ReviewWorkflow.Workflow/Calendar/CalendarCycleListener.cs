using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Cycles.ReadModel;
using ReviewWorkflow.Workflow.ForwardPlan;

namespace ReviewWorkflow.Workflow.Calendar;

/// <summary>
/// Follows each read-model change of a cycle (<see cref="ProjectCycleActivity"/>) with the forward plan's
/// first-published dates and the committee meetings' calendar invitations. Reads the cycle through
/// <see cref="ReviewCycleService.GetCycleAsync"/> (the row just written), so both see what the pages see. Idempotent,
/// as both steps are. Registered by <c>AddReviewCycleServices</c>.
/// </summary>
public sealed class CalendarCycleListener(ReviewCycleService cycles, ForwardPlanService plan, MeetingInvitations invitations) : ICycleChangeListener
{
    public async Task CycleChangedAsync(ReviewCycleRecord cycle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        if (await cycles.GetCycleAsync(cycle.CycleId, cancellationToken).ConfigureAwait(false) is not { } view)
        {
            return;
        }

        await plan.RecordFirstPublishedAsync(view, cancellationToken).ConfigureAwait(false);
        await invitations.SyncAsync(view, cancellationToken).ConfigureAwait(false);
    }
}
