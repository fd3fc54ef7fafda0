using ReviewWorkflow.Durable.Store;
using ReviewWorkflow.Durable.Store.InMemory;
using ReviewWorkflow.Durable.Testing;

namespace ReviewWorkflow.Durable.Tests.Engine;

public sealed class VersioningTests
{
    private static void V1(DurableTaskBuilder b) => b.AddOrchestratorFunc<string, string>("Cycle", async (ctx, _) =>
    {
        var a = await ctx.CallActivityAsync<string>("Consult", "v1");
        await ctx.WaitForExternalEvent<string>("Go");
        return $"{ctx.Version}:{a}";
    }, version: "1");

    private static void V2(DurableTaskBuilder b) => b.AddOrchestratorFunc<string, string>("Cycle", async (ctx, _) =>
    {
        var a = await ctx.CallActivityAsync<string>("Draft", "v2");
        var c = await ctx.CallActivityAsync<string>("Consult", "v2");
        await ctx.WaitForExternalEvent<string>("Go");
        return $"{ctx.Version}:{a}+{c}";
    }, version: "2");

    private static void Activities(DurableTaskBuilder b) => b
        .AddActivityFunc<string, string>("Consult", (_, v) => $"consult({v})")
        .AddActivityFunc<string, string>("Draft", (_, v) => $"draft({v})");

    [Fact]
    public async Task In_flight_instances_keep_their_version_after_a_new_one_is_deployed()
    {
        var time = new FakeTimeProvider();
        var store = new InMemoryDurableStore(time);
        string oldId;
        await using (var before = await DurableTestHost.StartAsync(b => { V1(b); Activities(b); }, _ => store, time))
        {
            oldId = await before.Client.ScheduleNewOrchestrationInstanceAsync("Cycle", "x");
            await before.RunUntilIdleAsync();
            Assert.Equal("1", (await before.Client.GetInstanceAsync(oldId))!.Version);
        }

        // "Deploy" v2 next to v1: the same store, a new process.
        await using var after = await DurableTestHost.StartAsync(b => { V1(b); V2(b); Activities(b); }, _ => store, time);
        var newId = await after.Client.ScheduleNewOrchestrationInstanceAsync("Cycle", "x");
        var pinnedId = await after.Client.ScheduleNewOrchestrationInstanceAsync("Cycle", "x", new StartOrchestrationOptions { Version = "1" });
        await after.RunUntilIdleAsync();
        foreach (var id in new[] { oldId, newId, pinnedId })
        {
            await after.Client.RaiseEventAsync(id, "Go");
        }

        await after.RunUntilIdleAsync();
        Assert.Equal("1:consult(v1)", (await after.Client.GetInstanceAsync(oldId, true))!.ReadOutputAs<string>());
        Assert.Equal("2:draft(v2)+consult(v2)", (await after.Client.GetInstanceAsync(newId, true))!.ReadOutputAs<string>());
        Assert.Equal("1:consult(v1)", (await after.Client.GetInstanceAsync(pinnedId, true))!.ReadOutputAs<string>());
        Assert.Equal("2", (await after.Client.GetInstanceAsync(newId))!.Version);
    }

    [Fact]
    public void Latest_version_compares_numerically()
    {
        var registry = new DurableTaskRegistry();
        foreach (var v in new[] { "2", "10", "9" })
        {
            registry.AddOrchestratorFunc<string, string>("Cycle", (_, s) => Task.FromResult(s), v);
        }

        Assert.Equal("10", registry.LatestVersion("cycle"));
        Assert.Null(registry.LatestVersion("Other"));
        Assert.Throws<InvalidOperationException>(() => registry.AddOrchestratorFunc<string, string>("CYCLE", (_, s) => Task.FromResult(s), "9"));
    }

    [Fact]
    public async Task Changed_code_without_a_new_version_fails_with_a_teaching_nondeterminism_error()
    {
        var time = new FakeTimeProvider();
        var store = new InMemoryDurableStore(time);
        string id;
        await using (var before = await DurableTestHost.StartAsync(b => { V1(b); Activities(b); }, _ => store, time))
        {
            id = await before.Client.ScheduleNewOrchestrationInstanceAsync("Cycle", "x");
            await before.RunUntilIdleAsync();
        }

        // The v1 code is edited in place (registered again as "1") to call Draft first.
        await using var after = await DurableTestHost.StartAsync(b =>
        {
            b.AddOrchestratorFunc<string, string>("Cycle", async (ctx, _) =>
            {
                await ctx.CallActivityAsync<string>("Draft", "edited");
                await ctx.WaitForExternalEvent<string>("Go");
                return "edited";
            }, version: "1");
            Activities(b);
        }, _ => store, time);
        await after.Client.RaiseEventAsync(id, "Go");
        await after.RunUntilIdleAsync();

        var failed = await after.Client.GetInstanceAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, failed!.RuntimeStatus);
        var details = failed.FailureDetails!;
        Assert.Equal(typeof(NonDeterministicOrchestrationException).FullName, details.ErrorType);
        Assert.Contains($"instance '{id}'", details.ErrorMessage);
        Assert.Contains("at event id 0", details.ErrorMessage);
        Assert.Contains("history sequence 2", details.ErrorMessage);
        Assert.Contains("TaskScheduled: a call to activity 'Consult'", details.ErrorMessage);
        Assert.Contains("the code now calls activity 'Draft'", details.ErrorMessage);
        Assert.Contains("AddOrchestrator<T>(version)", details.ErrorMessage);
        Assert.True(details.IsNonRetriable);
    }

    [Fact]
    public async Task Unregistered_version_fails_the_instance_with_a_clear_message()
    {
        await using var host = await DurableTestHost.StartAsync(b => V2(b));
        var result = await host.RunAsync("Cycle", "x", new StartOrchestrationOptions { Version = "7" });
        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("version '7'", result.FailureDetails!.ErrorMessage);
    }
}
