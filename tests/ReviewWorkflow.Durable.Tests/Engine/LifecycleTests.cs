using ReviewWorkflow.Durable.History;
using ReviewWorkflow.Durable.Testing;

namespace ReviewWorkflow.Durable.Tests.Engine;

public sealed class LifecycleTests
{
    private static Task<DurableTestHost> HostAsync() => DurableTestHost.StartAsync(b => b
        .AddOrchestratorFunc<string, string>("Cycle", async (ctx, name) =>
        {
            ctx.SetCustomStatus(new { stage = "consultation" });
            var reply = await ctx.WaitForExternalEvent<string>("Reply");
            ctx.SetCustomStatus(new { stage = "ratification" });
            await ctx.CreateTimer(TimeSpan.FromDays(1), CancellationToken.None);
            return $"{name}:{reply}";
        }));

    private sealed record StageStatus(string Stage);

    [Fact]
    public async Task Suspended_instances_buffer_events_and_timers_until_resumed()
    {
        await using var host = await HostAsync();
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Cycle", "pledge");
        await host.Client.WaitForInstanceStartAsync(id);
        await host.Client.SuspendInstanceAsync(id, "awaiting committee date");
        await host.RunUntilIdleAsync();
        Assert.Equal(OrchestrationRuntimeStatus.Suspended, (await host.Client.GetInstanceAsync(id))!.RuntimeStatus);

        await host.Client.RaiseEventAsync(id, "Reply", "yes");
        await host.AdvanceAsync(TimeSpan.FromDays(10));
        var suspended = await host.Client.GetInstanceAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Suspended, suspended!.RuntimeStatus);
        Assert.Equal("consultation", suspended.ReadCustomStatusAs<StageStatus>()!.Stage);

        await host.Client.ResumeInstanceAsync(id, "date set");
        await host.RunUntilIdleAsync();
        var resumed = await host.Client.GetInstanceAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Running, resumed!.RuntimeStatus);
        Assert.Equal("ratification", resumed.ReadCustomStatusAs<StageStatus>()!.Stage);

        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true);
        Assert.Equal("pledge:yes", done.ReadOutputAs<string>());
        var history = await host.Client.GetOrchestrationHistoryAsync(id);
        Assert.Equal("awaiting committee date", Assert.Single(history.OfType<ExecutionSuspended>()).Reason);
        Assert.Equal("date set", Assert.Single(history.OfType<ExecutionResumed>()).Reason);
    }

    [Fact]
    public async Task Terminate_stops_a_running_instance_with_output_and_purge_removes_it()
    {
        await using var host = await HostAsync();
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Cycle", "strategy");
        await host.RunUntilIdleAsync();
        Assert.Equal(0, (await host.Client.PurgeInstanceAsync(id)).PurgedInstanceCount);

        await host.Client.TerminateInstanceAsync(id, new { reason = "withdrawn" });
        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, done.RuntimeStatus);
        Assert.Equal("{\"reason\":\"withdrawn\"}", done.SerializedOutput);
        Assert.Equal(host.Time.GetUtcNow(), done.CompletedAt);

        Assert.Equal(1, (await host.Client.PurgeInstanceAsync(id)).PurgedInstanceCount);
        Assert.Null(await host.Client.GetInstanceAsync(id));
        Assert.Equal(0, (await host.Client.PurgeInstanceAsync(id)).PurgedInstanceCount);
    }

    [Fact]
    public async Task Terminate_of_a_pending_instance_never_starts_it()
    {
        await using var host = await HostAsync();
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Cycle", "x", new StartOrchestrationOptions(StartAt: host.Time.GetUtcNow().AddDays(3)));
        await host.Client.TerminateInstanceAsync(id);
        await host.AdvanceAsync(TimeSpan.FromDays(5));

        var history = await host.Client.GetOrchestrationHistoryAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, (await host.Client.GetInstanceAsync(id))!.RuntimeStatus);
        Assert.DoesNotContain(history, h => h is ExecutionStarted);
    }

    [Fact]
    public async Task StartAt_delays_the_start()
    {
        await using var host = await DurableTestHost.StartAsync(b => b
            .AddOrchestratorFunc<string, DateTime>("Now", (ctx, _) => Task.FromResult(ctx.CurrentUtcDateTime)));
        var startAt = host.Time.GetUtcNow().AddDays(20);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Now", "x", new StartOrchestrationOptions(StartAt: startAt));
        await host.AdvanceAsync(TimeSpan.FromDays(19));
        var pending = await host.Client.GetInstanceAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Pending, pending!.RuntimeStatus);

        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true);
        Assert.Equal(startAt.UtcDateTime, done.ReadOutputAs<DateTime>());
    }

    [Fact]
    public async Task Instance_ids_can_be_reused_only_after_the_instance_finished()
    {
        await using var host = await HostAsync();
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Cycle", "first", new StartOrchestrationOptions("cycle-2026"));
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            host.Client.ScheduleNewOrchestrationInstanceAsync("Cycle", "second", new StartOrchestrationOptions("cycle-2026")));

        await host.Client.TerminateInstanceAsync("cycle-2026");
        await host.RunUntilIdleAsync();
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Cycle", "second", new StartOrchestrationOptions("cycle-2026"));
        var restarted = await host.Client.GetInstanceAsync("cycle-2026", true);
        Assert.Equal("second", restarted!.ReadInputAs<string>());
        Assert.Equal(OrchestrationRuntimeStatus.Pending, restarted.RuntimeStatus);
    }

    [Fact]
    public async Task Custom_status_larger_than_16_KB_fails_the_orchestration()
    {
        await using var host = await DurableTestHost.StartAsync(b => b
            .AddOrchestratorFunc<string, string>("Big", (ctx, _) =>
            {
                ctx.SetCustomStatus(new string('x', 16 * 1024));
                return Task.FromResult("unreachable");
            }));
        var result = await host.RunAsync("Big", "x");
        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(typeof(ArgumentException).FullName, result.FailureDetails!.ErrorType);
    }
}
