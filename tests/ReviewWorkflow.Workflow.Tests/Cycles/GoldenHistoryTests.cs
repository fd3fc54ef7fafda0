using DurableTask.Core.History;
using Microsoft.DurableTask.Converters;
using ReviewWorkflow.Testing.DurableTask;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Drafting;
using ReviewWorkflow.Workflow.Hosting;
using ReviewWorkflow.Workflow.Json;

namespace ReviewWorkflow.Workflow.Tests.Cycles;

/// <summary>
/// Every DTFx history recorded in Golden/v{version}/ (real runs on Azurite of each orchestration version still registered:
/// a whole cycle to adoption, a refer-back, a deferral, an extension, an early close) must replay through DTFx's TaskOrchestrationExecutor against the orchestrators
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
        foreach (var file in System.IO.Directory.GetFiles(Folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Folder, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Recorded_history_replays_against_the_current_orchestrator(string file) =>
        GoldenHistory.Replay(Path.Combine(Folder, file), tasks => tasks.AddReviewCycleTasks(), converter: Converter);

    [Theory]
    [MemberData(nameof(Versions))]
    public void The_golden_files_of_each_version_cover_every_orchestrator_and_scenario(string version)
    {
        var folder = Path.Combine(Folder, "v" + version);
        var files = System.IO.Directory.GetFiles(folder, "*.json").Select(Path.GetFileName).ToList();
        var started = files.Select(f => GoldenHistory.Load(Path.Combine(folder, f!)).OfType<ExecutionStartedEvent>().First()).ToList();
        Assert.Equal(new HashSet<string> { "ReviewCycle", "Consultation", "Drafting", "Ratification", "Monitoring" }, started.Select(e => e.Name).ToHashSet());
        Assert.All(started, e => Assert.Equal(version, e.Version));
        foreach (var scenario in new[] { "whole-cycle", "refer-back", "deferral", "extension", "early-close" })
        {
            Assert.Contains(files, f => f!.StartsWith(scenario + ".", StringComparison.Ordinal));
        }
    }

    public static TheoryData<string> Versions() => [.. OrchestrationNames.Versions];

    [Fact]
    public void Version_1_histories_never_write_the_read_model_and_version_2_histories_do()
    {
        static bool Projects(string path) => GoldenHistory.Load(path).OfType<TaskScheduledEvent>().Any(e => e.Name == nameof(ProjectCycleActivity));
        Assert.DoesNotContain(System.IO.Directory.GetFiles(Path.Combine(Folder, "v1"), "*.json"), Projects);
        Assert.All(System.IO.Directory.GetFiles(Path.Combine(Folder, "v2"), "*.json"), f => Assert.True(Projects(f), f));
    }

    [Fact]
    public void A_changed_orchestrator_fails_replay() =>
        Assert.Throws<GoldenHistoryMismatchException>(() => GoldenHistory.Replay(
            Path.Combine(Folder, "v1", "refer-back.cycle.json"),
            tasks => tasks.AddOrchestrator<DraftingOrchestrator>(OrchestrationNames.ReviewCycle, OrchestrationNames.CurrentVersion),
            converter: Converter));
}
