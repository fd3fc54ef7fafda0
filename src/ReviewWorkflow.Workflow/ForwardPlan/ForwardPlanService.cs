using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles;

namespace ReviewWorkflow.Workflow.ForwardPlan;

/// <summary>
/// The forward plan across cycles. Cycles are read only through <see cref="ReviewCycleService"/> (the read model);
/// what the plan adds (first-published dates, exception routes) is in <see cref="ForwardPlanStore"/>. A key decision's
/// first-published date is stored the first time the plan shows it (the public page shows every upcoming key decision
/// as soon as a cycle has it, so that is when the notice went up); later reads keep that date.
/// </summary>
public sealed partial class ForwardPlanService(ReviewCycleService cycles, ForwardPlanStore store, ReviewWorkflow.Workflow.Audit.AuditLog audit, TimeProvider time)
{
    /// <summary>Every upcoming key decision across cycles, ordered by decision date.</summary>
    public async Task<ForwardPlanView> GetAsync(CancellationToken cancellationToken = default)
    {
        var all = await cycles.ListCyclesAsync(cancellationToken).ConfigureAwait(false);
        var notices = await NoticesForAsync(all, cancellationToken).ConfigureAwait(false);
        var changed = notices.Select(n => all.First(c => c.CycleId == n.CycleId).UpdatedAt)
            .Concat(notices.Where(n => n.Exception is not null).Select(n => n.Exception!.RecordedAt))
            .DefaultIfEmpty(time.GetUtcNow())
            .Max();
        return new ForwardPlanView(changed, notices);
    }

    /// <summary>The upcoming key decisions of <paramref name="views"/> (the cycle page passes one, the clerk's list all),
    /// storing a first-published date for any shown for the first time.</summary>
    public async Task<IReadOnlyList<KeyDecisionNotice>> NoticesForAsync(IEnumerable<CycleView> views, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(views);
        var settings = cycles.Settings;
        var today = CouncilClock.Today(time, settings);
        var byCycle = views.Select(v => UpcomingKeyDecision.Of(v, today).ToList()).Where(l => l.Count > 0).ToList();
        var notices = new List<KeyDecisionNotice>[byCycle.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, byCycle.Count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var decisions = byCycle[i];
            var (firstPublished, exceptions) = await store.ReadAsync(decisions[0].Cycle.CycleId, ct).ConfigureAwait(false);
            var list = new List<KeyDecisionNotice>();
            foreach (var decision in decisions)
            {
                var first = firstPublished.TryGetValue(decision.Key, out var stored)
                    ? stored
                    : await store.RecordFirstPublishedAsync(decision.Cycle.CycleId, decision.Key, today, ct).ConfigureAwait(false);
                list.Add(ForwardPlanBuilder.Notice(decision, first, exceptions.GetValueOrDefault(decision.Key), settings, today));
            }

            notices[i] = list;
        }).ConfigureAwait(false);
        return [.. notices.SelectMany(n => n).OrderBy(n => n.DecisionDate).ThenBy(n => n.Reference, StringComparer.Ordinal)];
    }

    /// <summary>Stores the first-published date of each upcoming key decision of <paramref name="cycle"/> not stored yet
    /// (for the read-model projection, so the date does not wait for someone to open the plan). Idempotent.</summary>
    public async Task RecordFirstPublishedAsync(CycleView cycle, CancellationToken cancellationToken = default) =>
        await NoticesForAsync([cycle], cancellationToken).ConfigureAwait(false);
}
