using System.Runtime.CompilerServices;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using ReviewWorkflow.DurableTask.Client;
using ReviewWorkflow.Testing.DurableTask;

namespace ReviewWorkflow.Workflow.Tests.Fixtures;

/// <summary>
/// Records the DTFx histories of a scenario's orchestrations (from the task hub's History table, <see cref="GoldenHistory"/>)
/// into tests/ReviewWorkflow.Workflow.Tests/Golden/v{current version} when <c>WORKFLOW_GOLDEN_RECORD=1</c>; otherwise does
/// nothing. File names: <c>{scenario}.{stage}.json</c>. Older versions' folders stay: cycles of those versions may still run.
/// </summary>
internal static class GoldenFiles
{
    public const string RecordVariable = "WORKFLOW_GOLDEN_RECORD";

    public static string SourceFolder([CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(here))!, "Golden", "v" + Workflow.Cycles.OrchestrationNames.CurrentVersion);

    public static async Task RecordIfAskedAsync(CycleHarness h, string scenario, string cycleId)
    {
        if (Environment.GetEnvironmentVariable(RecordVariable) != "1")
        {
            return;
        }

        var history = h.Host.Services.GetRequiredService<IOrchestrationHistoryReader>();
        await foreach (var instance in h.Host.Client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = cycleId }))
        {
            if (instance.InstanceId != cycleId && !instance.InstanceId.StartsWith(cycleId + ":", StringComparison.Ordinal))
            {
                continue;
            }

            var stage = instance.InstanceId == cycleId ? "cycle" : instance.InstanceId[(cycleId.Length + 1)..];
            await GoldenHistory.RecordAsync(history, instance.InstanceId, Path.Combine(SourceFolder(), $"{scenario}.{stage}.json"));
        }
    }
}
