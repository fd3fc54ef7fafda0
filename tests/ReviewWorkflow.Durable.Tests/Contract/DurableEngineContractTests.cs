using ReviewWorkflow.Durable.Store;
using ReviewWorkflow.Durable.Testing;
using ReviewWorkflow.Durable.Tests.Testing;

namespace ReviewWorkflow.Durable.Tests.Contract;

/// <summary>
/// The engine end to end over a store: real orchestrations through <see cref="DurableTestHost"/> on a fake clock.
/// Run against every backend (subclass and implement <see cref="CreateStoreAsync"/>). Timers are reached through
/// the sweep (the host jumps the clock to each instance's NextWakeAt), so backends whose queues run on real time work too.
/// </summary>
public abstract class DurableEngineContractTests
{
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 4, 6, 9, 0, 0, TimeSpan.Zero));

    /// <summary>Creates a fresh, empty, initialized store that uses <paramref name="time"/> where it can.</summary>
    protected abstract Task<IDurableStore> CreateStoreAsync(TimeProvider time);

    private int _activityRuns;

    private async Task<DurableTestHost> HostAsync(Func<IDurableStore, IDurableStore>? wrap = null)
    {
        var store = await CreateStoreAsync(Time);
        var used = wrap is null ? store : wrap(store);
        return await DurableTestHost.StartAsync(Register, _ => used, Time);
    }

    private void Register(DurableTaskBuilder b) => b
        .AddOrchestratorFunc<int, int>("FanOut", async (ctx, n) =>
        {
            var first = await ctx.CallActivityAsync<int>("Square", 1);
            var all = await Task.WhenAll(Enumerable.Range(1, n).Select(i => ctx.CallActivityAsync<int>("Square", i)));
            return first + all.Sum();
        })
        .AddOrchestratorFunc<string, string>("Consult", async (ctx, lead) =>
        {
            ctx.SetCustomStatus(new { stage = "waiting" });
            using var cts = new CancellationTokenSource();
            var reply = ctx.WaitForExternalEvent<string>("Reply");
            var deadline = ctx.CreateTimer(TimeSpan.FromDays(10), cts.Token);
            if (await Task.WhenAny(reply, deadline) == reply)
            {
                cts.Cancel();
                return $"{lead}:{await reply}";
            }

            await ctx.CreateTimer(TimeSpan.FromDays(20), CancellationToken.None);
            return $"{lead}:reminded at {ctx.CurrentUtcDateTime:yyyy-MM-dd}";
        })
        .AddOrchestratorFunc<int, string>("Parent", async (ctx, n) =>
        {
            var ok = await ctx.CallSubOrchestratorAsync<int>("Child", n, new SubOrchestrationOptions(instanceId: $"{ctx.InstanceId}:child"));
            try
            {
                await ctx.CallSubOrchestratorAsync<int>("Child", -1);
                return "unexpected";
            }
            catch (TaskFailedException ex)
            {
                return $"{ok}|{ex.FailureDetails.ErrorMessage}";
            }
        })
        .AddOrchestratorFunc<int, int>("Child", async (ctx, n) =>
            n < 0 ? throw new InvalidOperationException("negative") : await ctx.CallActivityAsync<int>("Square", n))
        .AddOrchestratorFunc<string, string>("Accumulate", async (ctx, acc) =>
        {
            var item = await ctx.WaitForExternalEvent<string>("Item");
            acc += item;
            if (acc.Length < 3)
            {
                await ctx.CreateTimer(TimeSpan.FromMinutes(5), CancellationToken.None);
                ctx.ContinueAsNew(acc);
            }

            return acc;
        })
        .AddOrchestratorFunc<string, string>("Echo", async (ctx, text) =>
        {
            var back = await ctx.CallActivityAsync<string>("EchoActivity", text);
            var evt = await ctx.WaitForExternalEvent<string>("Big");
            return back.Length + evt.Length == text.Length * 2 ? back : "mismatch";
        })
        .AddActivityFunc<int, int>("Square", (_, i) =>
        {
            Interlocked.Increment(ref _activityRuns);
            return i * i;
        })
        .AddActivityFunc<string, string>("EchoActivity", (_, s) => s);

    [Fact]
    public async Task Activities_fan_out_and_in()
    {
        await using var host = await HostAsync();
        var result = await host.RunAsync("FanOut", 120);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(1 + Enumerable.Range(1, 120).Sum(i => i * i), result.ReadOutputAs<int>());
        Assert.Equal(121, _activityRuns);
        var history = await host.Client.GetOrchestrationHistoryAsync(result.InstanceId);
        Assert.Equal(121, history.OfType<History.TaskCompleted>().Count());
    }

    [Fact]
    public async Task Event_beats_timer_and_timer_path_fires_on_the_fake_clock()
    {
        await using var host = await HostAsync();
        var fast = await host.Client.ScheduleNewOrchestrationInstanceAsync("Consult", "ada", new StartOrchestrationOptions("consult-fast"));
        var slow = await host.Client.ScheduleNewOrchestrationInstanceAsync("Consult", "grace", new StartOrchestrationOptions("consult-slow"));
        await host.AdvanceAsync(TimeSpan.FromDays(2));
        Assert.Equal("{\"stage\":\"waiting\"}", (await host.Client.GetInstanceAsync(fast))!.SerializedCustomStatus);
        await host.Client.RaiseEventAsync(fast, "Reply", "agreed");

        var fastDone = await host.Client.WaitForInstanceCompletionAsync(fast, getInputsAndOutputs: true);
        var slowDone = await host.Client.WaitForInstanceCompletionAsync(slow, getInputsAndOutputs: true);

        Assert.Equal("ada:agreed", fastDone.ReadOutputAs<string>());
        Assert.Equal($"grace:reminded at {Time.GetUtcNow().AddDays(-0):yyyy-MM-dd}", slowDone.ReadOutputAs<string>());
        Assert.Equal(new DateTimeOffset(2026, 5, 6, 9, 0, 0, TimeSpan.Zero), slowDone.CompletedAt);
    }

    [Fact]
    public async Task Sub_orchestrations_return_results_and_failures()
    {
        await using var host = await HostAsync();
        var result = await host.RunAsync("Parent", 7, new StartOrchestrationOptions("parent/1"));
        Assert.Equal("49|negative", result.ReadOutputAs<string>());
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await host.Client.GetInstanceAsync("parent/1:child"))!.RuntimeStatus);
    }

    [Fact]
    public async Task ContinueAsNew_carries_events_across_generations()
    {
        await using var host = await HostAsync();
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Accumulate", string.Empty);
        await host.RunUntilIdleAsync();
        foreach (var item in new[] { "a", "b", "c" })
        {
            await host.Client.RaiseEventAsync(id, "Item", item);
        }

        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true);
        Assert.Equal("abc", done.ReadOutputAs<string>());
        Assert.Equal(2, (await host.Store.GetInstanceAsync(id))!.Generation);
    }

    [Fact]
    public async Task Suspend_resume_terminate_and_purge()
    {
        await using var host = await HostAsync();
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Consult", "x");
        await host.RunUntilIdleAsync();
        await host.Client.SuspendInstanceAsync(id, "paused");
        await host.RunUntilIdleAsync();
        await host.Client.RaiseEventAsync(id, "Reply", "while suspended");
        await host.RunUntilIdleAsync();
        Assert.Equal(OrchestrationRuntimeStatus.Suspended, (await host.Client.GetInstanceAsync(id))!.RuntimeStatus);
        await host.Client.ResumeInstanceAsync(id);
        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true);
        Assert.Equal("x:while suspended", done.ReadOutputAs<string>());

        var other = await host.Client.ScheduleNewOrchestrationInstanceAsync("Consult", "y");
        await host.RunUntilIdleAsync();
        await host.Client.TerminateInstanceAsync(other, "stopped");
        var terminated = await host.Client.WaitForInstanceCompletionAsync(other, getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, terminated.RuntimeStatus);
        Assert.Equal(1, (await host.Client.PurgeInstanceAsync(other)).PurgedInstanceCount);
        Assert.Null(await host.Client.GetInstanceAsync(other));
    }

    [Fact]
    public async Task Large_payloads_flow_through_activities_events_and_outputs()
    {
        await using var host = await HostAsync();
        var text = string.Concat(Enumerable.Range(0, 30_000).Select(i => (char)('a' + (i * 7 % 26)))) + string.Concat(Enumerable.Repeat("0123456789", 30_000));
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Echo", text);
        await host.RunUntilIdleAsync();
        await host.Client.RaiseEventAsync(id, "Big", text);

        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true);

        Assert.Equal(text, done.ReadOutputAs<string>());
        Assert.Equal(text, done.ReadInputAs<string>());
    }

    [Fact]
    public async Task Crash_between_commit_and_dispatch_is_repaired_without_repeating_work()
    {
        FaultyStore? faulty = null;
        await using var host = await HostAsync(s => faulty = new FaultyStore(s)
        {
            CrashAfterCommit = (_, commit) => commit.AddOutbox.Count(o => o.Kind == OutboxKind.Activity) == 5,
        });

        var result = await host.RunAsync("FanOut", 5);

        Assert.Equal(1 + 1 + 4 + 9 + 16 + 25, result.ReadOutputAs<int>());
        Assert.Null(faulty!.CrashAfterCommit);
        Assert.Equal(6, _activityRuns);
        Assert.False((await host.Store.GetInstanceAsync(result.InstanceId))!.HasPendingOutbox);
    }
}
