using ReviewWorkflow.Durable.Testing;

namespace ReviewWorkflow.Durable.Tests.Orchestrations;

public sealed class SubOrchestrationTests
{
    private static Task<DurableTestHost> HostAsync() => DurableTestHost.StartAsync(b => b
        .AddOrchestratorFunc<int, int>("Parent", async (ctx, n) =>
        {
            var a = await ctx.CallSubOrchestratorAsync<int>("Child", n, new SubOrchestrationOptions(instanceId: $"{ctx.InstanceId}-child"));
            var b = await ctx.CallSubOrchestratorAsync<int>("Child", n + 1);
            return a + b;
        })
        .AddOrchestratorFunc<int, int>("Child", async (ctx, n) =>
        {
            if (n < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(n), "negative cycle number");
            }

            return await ctx.CallActivityAsync<int>("Double", n);
        })
        .AddOrchestratorFunc<int, string>("CatchingParent", async (ctx, n) =>
        {
            try
            {
                await ctx.CallSubOrchestratorAsync<int>("Child", n);
                return "no failure";
            }
            catch (TaskFailedException ex)
            {
                return $"{ex.TaskName}|{ex.FailureDetails.ErrorType}|{ex.FailureDetails.ErrorMessage}";
            }
        })
        .AddActivityFunc<int, int>("Double", (_, n) => n * 2));

    [Fact]
    public async Task Sub_orchestrations_run_and_return_results()
    {
        await using var host = await HostAsync();
        var result = await host.RunAsync("Parent", 5, new StartOrchestrationOptions("cycle-1"));

        Assert.Equal(22, result.ReadOutputAs<int>());
        var child = await host.Client.GetInstanceAsync("cycle-1-child", getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, child!.RuntimeStatus);
        Assert.Equal("cycle-1", child.ParentInstanceId);
        Assert.Equal(10, child.ReadOutputAs<int>());

        // The second child's id is a deterministic GUID.
        var children = await host.Client.GetAllInstancesAsync().Where(m => m.ParentInstanceId == "cycle-1").ToListAsync();
        Assert.Equal(2, children.Count);
        Assert.Contains(children, c => Guid.TryParseExact(c.InstanceId, "N", out _));
    }

    [Fact]
    public async Task Sub_orchestration_failure_surfaces_as_TaskFailedException_with_details()
    {
        await using var host = await HostAsync();
        var result = await host.RunAsync("CatchingParent", -1);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.StartsWith("Child|System.ArgumentOutOfRangeException|negative cycle number", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Terminated_child_fails_the_parent_task()
    {
        await using var host = await DurableTestHost.StartAsync(b => b
            .AddOrchestratorFunc<string, string>("Parent", async (ctx, _) =>
            {
                try
                {
                    await ctx.CallSubOrchestratorAsync("Waiter", null, new SubOrchestrationOptions(instanceId: "waiter-1"));
                    return "completed";
                }
                catch (TaskFailedException ex)
                {
                    return ex.FailureDetails.ErrorType;
                }
            })
            .AddOrchestratorFunc<string, string>("Waiter", async (ctx, _) => await ctx.WaitForExternalEvent<string>("Never")));
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Parent", "x");
        await host.RunUntilIdleAsync();
        await host.Client.TerminateInstanceAsync("waiter-1", "withdrawn");

        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true);

        Assert.Equal("Terminated", done.ReadOutputAs<string>());
    }
}
