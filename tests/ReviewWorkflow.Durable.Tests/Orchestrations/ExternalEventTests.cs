using ReviewWorkflow.Durable.History;
using ReviewWorkflow.Durable.Testing;

namespace ReviewWorkflow.Durable.Tests.Orchestrations;

public sealed class ExternalEventTests
{
    private static Task<DurableTestHost> HostAsync(Action<DurableTaskBuilder> configure) => DurableTestHost.StartAsync(configure);

    [Fact]
    public async Task Event_raised_before_the_instance_waits_is_delivered()
    {
        await using var host = await HostAsync(b => b
            .AddOrchestratorFunc<string, string>("Approve", async (ctx, _) =>
            {
                await ctx.CreateTimer(TimeSpan.FromDays(1), CancellationToken.None);
                var decision = await ctx.WaitForExternalEvent<string>("Decision");
                return decision;
            }));
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Approve", "x");
        await host.RunUntilIdleAsync();
        await host.Client.RaiseEventAsync(id, "decision", "endorsed");

        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true);

        Assert.Equal("endorsed", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Event_raised_before_the_first_step_runs_is_delivered()
    {
        await using var host = await HostAsync(b => b
            .AddOrchestratorFunc<string, string>("Approve", async (ctx, _) => await ctx.WaitForExternalEvent<string>("Decision")));
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Approve", "x");
        await host.Client.RaiseEventAsync(id, "Decision", "approved");

        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true);

        Assert.Equal("approved", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Buffered_events_of_one_name_are_delivered_first_in_first_out()
    {
        await using var host = await HostAsync(b => b
            .AddOrchestratorFunc<string, string>("Collect", async (ctx, _) =>
            {
                await ctx.CreateTimer(TimeSpan.FromHours(1), CancellationToken.None);
                var first = await ctx.WaitForExternalEvent<int>("Vote");
                var second = await ctx.WaitForExternalEvent<int>("vote");
                var third = await ctx.WaitForExternalEvent<int>("VOTE");
                return $"{first},{second},{third}";
            }));
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Collect", "x");
        await host.RunUntilIdleAsync();
        await host.Client.RaiseEventAsync(id, "Vote", 1);
        await host.AdvanceAsync(TimeSpan.FromMinutes(1));
        await host.Client.RaiseEventAsync(id, "Vote", 2);
        await host.AdvanceAsync(TimeSpan.FromMinutes(1));
        await host.Client.RaiseEventAsync(id, "Vote", 3);

        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true);

        Assert.Equal("1,2,3", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Newest_waiter_gets_the_event_first()
    {
        await using var host = await HostAsync(b => b
            .AddOrchestratorFunc<string, string>("Lifo", async (ctx, _) =>
            {
                var older = ctx.WaitForExternalEvent<string>("Signal");
                var newer = ctx.WaitForExternalEvent<string>("Signal");
                var first = await Task.WhenAny(older, newer);
                return first == newer ? $"newer:{await newer}" : $"older:{await older}";
            }));
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Lifo", "x");
        await host.RunUntilIdleAsync();
        await host.Client.RaiseEventAsync(id, "Signal", "a");

        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true);

        Assert.Equal("newer:a", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task WhenAny_of_event_and_timer_takes_the_event_when_it_comes_first()
    {
        await using var host = await HostAsync(b => b.AddOrchestratorFunc<string, string>("Race", RaceAsync));
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Race", "x");
        await host.AdvanceAsync(TimeSpan.FromDays(2));
        await host.Client.RaiseEventAsync(id, "Reply", "yes");
        await host.RunUntilIdleAsync();

        var done = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done!.RuntimeStatus);
        Assert.Equal("event:yes", done.ReadOutputAs<string>());

        // The losing timer was cancelled cleanly: nothing left to wake the instance.
        var snapshot = await host.Store.ReadInstanceAsync(id);
        Assert.Empty(snapshot!.Inbox);
        Assert.Null(snapshot.Record.NextWakeAt);
    }

    [Fact]
    public async Task WhenAny_of_event_and_timer_takes_the_timer_when_no_event_comes()
    {
        await using var host = await HostAsync(b => b.AddOrchestratorFunc<string, string>("Race", RaceAsync));
        var start = host.Time.GetUtcNow();
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Race", "x");

        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true);

        Assert.Equal("timer", done.ReadOutputAs<string>());
        Assert.Equal(start.AddDays(7), done.CompletedAt);
    }

    private static async Task<string> RaceAsync(TaskOrchestrationContext ctx, string _)
    {
        using var cts = new CancellationTokenSource();
        var reply = ctx.WaitForExternalEvent<string>("Reply");
        var deadline = ctx.CreateTimer(TimeSpan.FromDays(7), cts.Token);
        if (await Task.WhenAny(reply, deadline) == reply)
        {
            cts.Cancel();
            return $"event:{await reply}";
        }

        return "timer";
    }

    [Fact]
    public async Task Wait_with_timeout_throws_TaskCanceledException_when_it_expires()
    {
        await using var host = await HostAsync(b => b
            .AddOrchestratorFunc<string, string>("Timeout", async (ctx, _) =>
            {
                try
                {
                    return await ctx.WaitForExternalEvent<string>("Reply", TimeSpan.FromDays(14));
                }
                catch (TaskCanceledException)
                {
                    return $"timed out at {ctx.CurrentUtcDateTime:O}";
                }
            }));
        var start = host.Time.GetUtcNow();

        var done = await host.RunAsync("Timeout", "x");

        Assert.Equal($"timed out at {start.UtcDateTime.AddDays(14):O}", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Wait_with_timeout_returns_the_event_and_cancels_its_timer()
    {
        await using var host = await HostAsync(b => b
            .AddOrchestratorFunc<string, string>("Timeout", async (ctx, _) =>
            {
                var reply = await ctx.WaitForExternalEvent<string>("Reply", TimeSpan.FromDays(14));
                var second = await ctx.WaitForExternalEvent<string>("Second");
                return $"{reply}+{second}";
            }));
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Timeout", "x");
        await host.AdvanceAsync(TimeSpan.FromDays(1));
        await host.Client.RaiseEventAsync(id, "Reply", "in time");
        await host.RunUntilIdleAsync();

        // Still running, waiting for "Second": the cancelled timeout leaves nothing that would wake the instance.
        var snapshot = await host.Store.ReadInstanceAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Running, snapshot!.Record.RuntimeStatus);
        Assert.Empty(snapshot.Inbox);
        Assert.Null(snapshot.Record.NextWakeAt);

        await host.AdvanceAsync(TimeSpan.FromDays(20));
        await host.Client.RaiseEventAsync(id, "Second", "later");
        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true);
        Assert.Equal("in time+later", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Events_sent_between_orchestrations_arrive()
    {
        await using var host = await HostAsync(b => b
            .AddOrchestratorFunc<string, string>("Receiver", async (ctx, _) => await ctx.WaitForExternalEvent<string>("Ping"))
            .AddOrchestratorFunc<string, string>("Sender", (ctx, target) =>
            {
                ctx.SendEvent(target, "Ping", "from sender");
                return Task.FromResult("sent");
            }));
        var receiver = await host.Client.ScheduleNewOrchestrationInstanceAsync("Receiver", "x", new StartOrchestrationOptions("receiver-1"));
        await host.RunAsync("Sender", receiver);

        var done = await host.Client.WaitForInstanceCompletionAsync(receiver, getInputsAndOutputs: true);

        Assert.Equal("from sender", done.ReadOutputAs<string>());
        var history = await host.Client.GetOrchestrationHistoryAsync(receiver);
        Assert.Equal("Ping", Assert.Single(history.OfType<EventRaised>()).Name);
    }

    [Fact]
    public async Task Raising_an_event_for_a_missing_instance_throws()
    {
        await using var host = await HostAsync(b => { });
        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Client.RaiseEventAsync("nobody", "Ping"));
    }
}
