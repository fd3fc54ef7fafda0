using Microsoft.DurableTask;
using ReviewWorkflow.Workflow.Cycles.ReadModel;

namespace ReviewWorkflow.Workflow.Cycles;

/// <summary>A published status for the read model: <see cref="Revision"/> orders it against the row's.</summary>
public sealed record CycleProjection(string CycleId, int Revision, CycleStatus Status)
{
    /// <summary>With the parent's first status: what was started (definition without consultees, settings, who, when).</summary>
    public ReviewCycleRecord? Start { get; init; }
}

/// <summary>
/// Writes a cycle's status to its <c>ReviewCycles</c> row. At least once, maybe late: the table keeps the highest
/// revision, so a repeat or a stale run changes nothing; then the cycle's change listeners run (each idempotent).
/// </summary>
public sealed class ProjectCycleActivity(ReviewCycleTable cycles, IEnumerable<ICycleChangeListener> listeners) : TaskActivity<CycleProjection, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, CycleProjection input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrEmpty(input.CycleId);
        var applied = await cycles.ProjectAsync(input.CycleId, input.Revision, input.Status, input.Start).ConfigureAwait(false);
        if (listeners.Any() && await cycles.GetAsync(input.CycleId).ConfigureAwait(false) is { } record && record.Revision == input.Revision)
        {
            // Only for the newest revision: a stale repeat must not move a calendar event back.
            foreach (var listener in listeners)
            {
                await listener.CycleChangedAsync(record, CancellationToken.None).ConfigureAwait(false);
            }
        }

        return applied;
    }
}
