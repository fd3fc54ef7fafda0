using DurableTask.Core.History;
using Microsoft.DurableTask.Converters;
using ReviewWorkflow.Testing.DurableTask;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Drafting;
using ReviewWorkflow.Workflow.Hosting;
using ReviewWorkflow.Workflow.Json;

namespace ReviewWorkflow.Workflow.Tests.Cycles;

/// <summary>
/// Every DTFx history recorded in Golden/ (real runs on Azurite: a whole cycle to adoption, a refer-back, a deferral, an
/// extension, an early close) must replay through DTFx's TaskOrchestrationExecutor against the orchestrators
/// <see cref="ReviewCycleTasks.AddReviewCycleTasks"/> registers: a change that would break cycles already running fails
/// here. Re-record deliberately (after registering the old class under the old version and bumping
/// <c>OrchestrationNames.CurrentVersion</c>) with <c>WORKFLOW_GOLDEN_RECORD=1 dotnet test tests/ReviewWorkflow.Workflow.Tests</c>.
/// </summary>
public sealed class GoldenHistoryTests
{
    private static readonly JsonDataConverter Converter = new(WorkflowJson.Options);

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Golden");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in System.IO.Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Recorded_history_replays_against_the_current_orchestrator(string file) =>
        GoldenHistory.Replay(Path.Combine(Folder, file), tasks => tasks.AddReviewCycleTasks(), converter: Converter);

    [Fact]
    public void The_golden_files_cover_every_orchestrator_and_scenario()
    {
        var files = System.IO.Directory.GetFiles(Folder, "*.json").Select(Path.GetFileName).ToList();
        var names = files.Select(f => GoldenHistory.Load(Path.Combine(Folder, f!)).OfType<ExecutionStartedEvent>().First().Name).ToHashSet();
        Assert.Equal(new HashSet<string> { "ReviewCycle", "Consultation", "Drafting", "Ratification", "Monitoring" }, names);
        foreach (var scenario in new[] { "whole-cycle", "refer-back", "deferral", "extension", "early-close" })
        {
            Assert.Contains(files, f => f!.StartsWith(scenario + ".", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_changed_orchestrator_fails_replay() =>
        Assert.Throws<GoldenHistoryMismatchException>(() => GoldenHistory.Replay(
            Path.Combine(Folder, "refer-back.cycle.json"),
            tasks => tasks.AddOrchestrator<DraftingOrchestrator>(OrchestrationNames.ReviewCycle, OrchestrationNames.CurrentVersion),
            converter: Converter));
}
