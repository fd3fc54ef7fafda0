using ReviewWorkflow.Durable.History;
using ReviewWorkflow.Durable.Store.InMemory;
using ReviewWorkflow.Durable.Testing;
using ReviewWorkflow.Durable.Tests.Testing;

namespace ReviewWorkflow.Durable.Tests.Orchestrations;

public sealed class TimerTests
{
    [Fact]
    public async Task Timer_resumes_the_orchestration_exactly_at_its_fire_time()
    {
        await using var host = await DurableTestHost.StartAsync(b => b
            .AddOrchestratorFunc<string, DateTime>("Wait", async (ctx, _) =>
            {
                await ctx.CreateTimer(TimeSpan.FromHours(36), CancellationToken.None);
                return ctx.CurrentUtcDateTime;
            }));
        var start = host.Time.GetUtcNow();
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Wait", "x");

        await host.AdvanceAsync(TimeSpan.FromHours(35));
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync(id))!.RuntimeStatus);

        await host.AdvanceAsync(TimeSpan.FromHours(1));
        var done = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done!.RuntimeStatus);
        Assert.Equal(start.UtcDateTime.AddHours(36), done.ReadOutputAs<DateTime>());
    }

    [Fact]
    public async Task Ninety_day_timer_fires_on_time_through_re_armed_wakeups_without_the_sweep()
    {
        var time = new FakeTimeProvider();
        await using var host = await DurableTestHost.StartAsync(
            b => b.AddOrchestratorFunc<string, DateTime>("LongWait", async (ctx, _) =>
            {
                await ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(90), CancellationToken.None);
                return ctx.CurrentUtcDateTime;
            }),
            store: t => new InMemoryDurableStore(t, maxWakeupDelay: TimeSpan.FromDays(7)),
            time: time);
        host.UseSweep = false;
        var start = time.GetUtcNow();
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("LongWait", "x");

        await host.AdvanceAsync(TimeSpan.FromDays(89));
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync(id))!.RuntimeStatus);
        await host.AdvanceAsync(TimeSpan.FromDays(1));

        var done = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done!.RuntimeStatus);
        Assert.Equal(start.UtcDateTime.AddDays(90), done.ReadOutputAs<DateTime>());
        var history = await host.Client.GetOrchestrationHistoryAsync(id);
        var timers = history.OfType<TimerCreated>().ToList();
        Assert.Equal(30, timers.Count);
        Assert.All(timers, t => Assert.True(t.FireAt - t.Timestamp <= TimeSpan.FromDays(3)));
        Assert.Equal(start.AddDays(90), timers[^1].FireAt);
    }

    [Fact]
    public async Task Lost_timer_wakeup_is_repaired_by_the_sweep()
    {
        FaultyStore? faulty = null;
        await using var host = await DurableTestHost.StartAsync(
            b => b.AddOrchestratorFunc<string, string>("Wait", async (ctx, _) =>
            {
                await ctx.CreateTimer(TimeSpan.FromDays(2), CancellationToken.None);
                return "woke";
            }),
            store: t => faulty = new FaultyStore(new InMemoryDurableStore(t)) { DropWakeup = (_, delay) => delay > TimeSpan.Zero });
        host.UseSweep = false;
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Wait", "x");

        await host.AdvanceAsync(TimeSpan.FromDays(3));
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync(id))!.RuntimeStatus);

        Assert.Equal(1, await host.SweepAsync());
        await host.RunUntilIdleAsync();
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await host.Client.GetInstanceAsync(id))!.RuntimeStatus);
        Assert.NotNull(faulty);
    }

    [Fact]
    public async Task Cancelled_timer_does_not_resume_anything()
    {
        await using var host = await DurableTestHost.StartAsync(b => b
            .AddOrchestratorFunc<string, string>("Cancel", async (ctx, _) =>
            {
                using var cts = new CancellationTokenSource();
                var timer = ctx.CreateTimer(TimeSpan.FromDays(5), cts.Token);
                await ctx.CallActivityAsync("Noop");
                cts.Cancel();
                var outcome = await Task.WhenAny(timer, ctx.CreateTimer(TimeSpan.FromDays(1), CancellationToken.None));
                return outcome == timer ? $"timer {timer.Status}" : "other";
            })
            .AddActivityFunc<object?, string>("Noop", (_, _) => "ok"));

        var start = host.Time.GetUtcNow();
        var result = await host.RunAsync("Cancel", "x");

        Assert.Equal("timer Canceled", result.ReadOutputAs<string>());
        Assert.Equal(start, result.CompletedAt);
        var snapshot = await host.Store.ReadInstanceAsync(result.InstanceId);
        Assert.Empty(snapshot!.Inbox);
    }
}
