using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;

namespace ReviewWorkflow.Workflow.ForwardPlan;

/// <summary>A key decision still to be taken: a key-decision body on a live cycle's route, not yet passed, meeting today or later.</summary>
public sealed record UpcomingKeyDecision(CycleView Cycle, int RouteIndex, RouteStep Step)
{
    /// <summary>Every upcoming key decision of <paramref name="cycle"/> (the route as the read model has it: deferrals applied).</summary>
    public static IEnumerable<UpcomingKeyDecision> Of(CycleView cycle, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        if (cycle.Stage is CycleStage.Adopted or CycleStage.Closed)
        {
            yield break;
        }

        // In ratification the bodies before the current one have decided already.
        var first = cycle.Stage == CycleStage.Ratification ? cycle.CurrentBodyIndex ?? 0 : 0;
        for (var i = first; i < cycle.Route.Count; i++)
        {
            var step = cycle.Route[i];
            if (step.KeyDecision && step.MeetingDate >= today)
            {
                yield return new UpcomingKeyDecision(cycle, i, step);
            }
        }
    }

    /// <summary>Table row key and forward plan reference suffix: stable for the life of the cycle (a deferral keeps it).</summary>
    public string Key => RouteIndex.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
}
