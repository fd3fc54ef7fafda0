using Microsoft.DurableTask;

namespace ReviewWorkflow.Workflow.Cycles;

/// <summary>
/// One durable step a stage's pure logic asks its orchestrator to take (an activity call: an email, an audit row). The
/// decision is data, so months of a stage can be unit-tested without an engine; the orchestrator only runs the effects in
/// the order given, which is the order of the activities in the histories of running cycles (they must replay unchanged).
/// </summary>
public abstract record StageEffect
{
    /// <summary>Schedules the activity (or, for a version that never wrote it, nothing).</summary>
    internal abstract Task RunAsync(TaskOrchestrationContext context);

    /// <summary>Runs <paramref name="effects"/> one after the other, each awaited before the next is scheduled.</summary>
    internal static async Task RunAllAsync(TaskOrchestrationContext context, IEnumerable<StageEffect> effects)
    {
        ArgumentNullException.ThrowIfNull(effects);
        foreach (var effect in effects)
        {
            await effect.RunAsync(context);
        }
    }
}
