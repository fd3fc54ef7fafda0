using ReviewWorkflow.Durable.Testing;
using ReviewWorkflow.Workflow.Tests.Fixtures;

namespace ReviewWorkflow.Workflow.Tests.Cycles;

/// <summary>
/// Every recorded history in Golden/ must replay against the current orchestrators: a change that would break cycles
/// already running fails here. Re-record deliberately (after registering the old class under the old version and bumping
/// <c>OrchestrationNames.CurrentVersion</c>) with <c>WORKFLOW_GOLDEN_RECORD=1 dotnet test tests/ReviewWorkflow.Workflow.Tests</c>.
/// </summary>
public sealed class GoldenHistoryTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in System.IO.Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Golden"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Recorded_history_replays_against_the_current_orchestrator(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Golden", file);
        var golden = GoldenHistory.Load(path);
        GoldenHistory.AssertReplays(GoldenFiles.For(golden.Orchestrator), path);
    }

    [Fact]
    public void The_golden_files_cover_every_orchestrator()
    {
        var names = System.IO.Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Golden"), "*.json").Select(f => GoldenHistory.Load(f).Orchestrator).ToHashSet();
        Assert.Superset(names, new HashSet<string> { "ReviewCycle", "Consultation", "Drafting", "Ratification", "Monitoring" });
        Assert.Subset(new HashSet<string> { "ReviewCycle", "Consultation", "Drafting", "Ratification", "Monitoring" }, names);
    }

    [Fact]
    public void A_changed_orchestrator_fails_replay()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Golden", "whole-cycle.cycle.json");
        Assert.Throws<GoldenHistoryMismatchException>(() => GoldenHistory.AssertReplays(new Orchestrations.DraftingOrchestrator(), path));
    }
}
