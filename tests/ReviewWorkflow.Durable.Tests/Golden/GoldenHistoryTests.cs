using System.Runtime.CompilerServices;
using ReviewWorkflow.Durable.Testing;

namespace ReviewWorkflow.Durable.Tests.Golden;

/// <summary>
/// Replays the recorded history of a finished review reminder cycle against the current code.
/// Re-record (only when a change is meant to be incompatible and old instances are drained) with
/// <c>DURABLE_GOLDEN_RECORD=1 dotnet test --filter GoldenHistoryTests</c>.
/// </summary>
public sealed class GoldenHistoryTests
{
    private static string GoldenPath([CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "reminder-cycle.golden.json");

    private static string OutputCopy => Path.Combine(AppContext.BaseDirectory, "Golden", "reminder-cycle.golden.json");

    [Fact]
    public async Task Recorded_history_replays_against_the_current_orchestrator()
    {
        if (Environment.GetEnvironmentVariable("DURABLE_GOLDEN_RECORD") == "1")
        {
            await RecordAsync(GoldenPath());
        }

        GoldenHistory.AssertReplays<ReminderCycle>(OutputCopy);
    }

    [Fact]
    public void Inserting_a_step_fails_replay_naming_the_divergence()
    {
        var ex = Assert.Throws<GoldenHistoryMismatchException>(() => GoldenHistory.AssertReplays<ReminderCycleWithExtraStep>(OutputCopy));
        Assert.Contains("event id 1", ex.Message);
        Assert.Contains("TimerCreated", ex.Message);
        Assert.Contains("calls activity 'NotifyClerk'", ex.Message);
    }

    [Fact]
    public void Changing_the_outcome_fails_replay()
    {
        var ex = Assert.Throws<GoldenHistoryMismatchException>(() => GoldenHistory.AssertReplays<ReminderCycleWithNewWording>(OutputCopy));
        Assert.Contains("recorded output", ex.Message);
    }

    [Fact]
    public void The_golden_file_is_a_complete_run()
    {
        var file = GoldenHistory.Load(OutputCopy);
        Assert.Equal(nameof(ReminderCycle), file.Orchestrator);
        Assert.Contains(file.History, e => e is History.ExecutionCompleted { Status: OrchestrationRuntimeStatus.Completed });
        Assert.Contains(file.History, e => e is History.EventRaised { Name: "Decision" });
    }

    private static async Task RecordAsync(string path)
    {
        await using var host = await DurableTestHost.StartAsync(b => b
            .AddOrchestrator<ReminderCycle>()
            .AddActivityFunc<string, int>("SendReminders", (_, _) => 3)
            .AddActivityFunc<string, string>("RecordOutcome", (_, r) => r));
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ReminderCycle), "Care Leavers Strategy 2026", new StartOrchestrationOptions("golden-reminder-cycle"));
        await host.AdvanceAsync(TimeSpan.FromDays(3));
        await host.Client.RaiseEventAsync(id, "Decision", "endorsed");
        await host.Client.WaitForInstanceCompletionAsync(id);
        await GoldenHistory.RecordAsync(host.Store, id, path);
        Directory.CreateDirectory(Path.GetDirectoryName(OutputCopy)!);
        File.Copy(path, OutputCopy, overwrite: true);
    }
}
