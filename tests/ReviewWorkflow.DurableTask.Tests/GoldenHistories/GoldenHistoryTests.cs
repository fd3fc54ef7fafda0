using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReviewWorkflow.DurableTask.Client;
using ReviewWorkflow.DurableTask.Registration;
using ReviewWorkflow.DurableTask.Tests.GoldenHistories.Changed;
using ReviewWorkflow.DurableTask.Tests.Tasks;
using ReviewWorkflow.Testing.DurableTask;

namespace ReviewWorkflow.DurableTask.Tests.GoldenHistories;

public sealed class GoldenHistoryTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "golden-" + Guid.NewGuid().ToString("N"));

    /// <summary>A history recorded from a real run and kept in the repository.</summary>
    private static string Committed(string file) => Path.Combine(AppContext.BaseDirectory, "GoldenHistories", "Recorded", file);

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void A_committed_history_replays_under_the_unchanged_orchestrator() =>
        GoldenHistory.Replay(Committed("sequence-completed.json"), TestTasks.Register, TestTasks.Services());

    [Fact]
    public async Task A_freshly_recorded_completed_and_a_waiting_history_replay_under_the_unchanged_orchestrators()
    {
        var (completed, waiting) = await RecordAsync();

        GoldenHistory.Replay(completed, TestTasks.Register, TestTasks.Services());
        GoldenHistory.Replay(waiting, TestTasks.Register, TestTasks.Services());
    }

    [Fact]
    public void An_extra_activity_at_the_end_fails_the_replay()
    {
        var error = Assert.Throws<GoldenHistoryMismatchException>(() =>
            GoldenHistory.Replay(Committed("sequence-completed.json"), Swap<SequenceWithExtraActivity>(nameof(SequenceOrchestrator))));

        Assert.Contains("schedules activity 'EchoActivity'", error.Message, StringComparison.Ordinal);
        Assert.Contains("sequence-completed.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_renamed_activity_fails_the_replay_as_nondeterministic()
    {
        var error = Assert.Throws<GoldenHistoryMismatchException>(() =>
            GoldenHistory.Replay(Committed("sequence-completed.json"), Swap<SequenceWithRenamedActivity>(nameof(SequenceOrchestrator))));

        Assert.Contains("no longer replays", error.Message, StringComparison.Ordinal);
        Assert.Contains("EchoActivityV2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_step_inserted_before_a_wait_fails_the_replay_of_a_waiting_instance()
    {
        var (_, waiting) = await RecordAsync();

        var error = Assert.Throws<GoldenHistoryMismatchException>(() =>
            GoldenHistory.Replay(waiting, Swap<WaitWithExtraStep>(nameof(WaitForEventOrchestrator))));

        Assert.Contains("reminder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_history_of_an_unregistered_orchestrator_fails_with_its_name()
    {
        var error = Assert.Throws<GoldenHistoryMismatchException>(() =>
            GoldenHistory.Replay(Committed("sequence-completed.json"), r => r.AddActivity<EchoActivity>()));

        Assert.Contains(nameof(SequenceOrchestrator), error.Message, StringComparison.Ordinal);
    }

    private static Action<WorkflowTaskRegistry> Swap<T>(string name) where T : class, ITaskOrchestrator =>
        r => r.AddOrchestrator<T>(name).AddActivity<EchoActivity>();

    private async Task<(string Completed, string Waiting)> RecordAsync()
    {
        await using var host = await DurableTaskTestHost.StartAsync(TestTasks.Register, new FakeTimeProvider(), TestTasks.Services());
        await host.RunAsync(nameof(SequenceOrchestrator), 2, new StartOrchestrationOptions { InstanceId = "golden-sequence" });
        await host.RunAsync(nameof(WaitForEventOrchestrator), "consultation", new StartOrchestrationOptions { InstanceId = "golden-waiting" });
        var reader = host.Services.GetRequiredService<IOrchestrationHistoryReader>();
        var completed = Path.Combine(_folder, "sequence.json");
        var waiting = Path.Combine(_folder, "waiting.json");
        await GoldenHistory.RecordAsync(reader, "golden-sequence", completed);
        await GoldenHistory.RecordAsync(reader, "golden-waiting", waiting);
        if (Environment.GetEnvironmentVariable("RW_RECORD_GOLDEN") is { Length: > 0 } target)
        {
            File.Copy(completed, Path.Combine(target, "sequence-completed.json"), overwrite: true); // re-records the committed file
        }

        return (completed, waiting);
    }
}
