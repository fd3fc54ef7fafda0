using System.Runtime.CompilerServices;
using ReviewWorkflow.Durable.Testing;
using ReviewWorkflow.Workflow.Cycles;

namespace ReviewWorkflow.Workflow.Tests.Fixtures;

/// <summary>
/// Records the histories of a scenario's orchestrations into tests/ReviewWorkflow.Workflow.Tests/Golden when
/// <c>WORKFLOW_GOLDEN_RECORD=1</c>; otherwise does nothing. File names: <c>{scenario}.{stage}.json</c>.
/// </summary>
internal static class GoldenFiles
{
    public const string RecordVariable = "WORKFLOW_GOLDEN_RECORD";

    public static string SourceFolder([CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(here))!, "Golden");

    public static async Task RecordIfAskedAsync(CycleHarness h, string scenario, string cycleId)
    {
        if (Environment.GetEnvironmentVariable(RecordVariable) != "1")
        {
            return;
        }

        var page = await h.Host.Store.QueryInstancesAsync(new Durable.Store.InstanceFilter { InstanceIdPrefix = cycleId }, 100, null);
        foreach (var instance in page.Instances.Where(i => i.InstanceId == cycleId || i.InstanceId.StartsWith(cycleId + ":", StringComparison.Ordinal)))
        {
            var stage = instance.InstanceId == cycleId ? "cycle" : instance.InstanceId[(cycleId.Length + 1)..];
            await GoldenHistory.RecordAsync(h.Host.Store, instance.InstanceId, Path.Combine(SourceFolder(), $"{scenario}.{stage}.json"));
        }
    }

    /// <summary>The orchestrator class that replays a file, by the orchestrator name recorded in it.</summary>
    public static Durable.ITaskOrchestrator For(string name) => name switch
    {
        OrchestrationNames.ReviewCycle => new Orchestrations.ReviewCycleOrchestrator(),
        OrchestrationNames.Consultation => new Orchestrations.ConsultationOrchestrator(),
        OrchestrationNames.Drafting => new Orchestrations.DraftingOrchestrator(),
        OrchestrationNames.Ratification => new Orchestrations.RatificationOrchestrator(),
        OrchestrationNames.Monitoring => new Orchestrations.MonitoringOrchestrator(),
        _ => throw new InvalidOperationException($"No orchestrator named {name}."),
    };
}
