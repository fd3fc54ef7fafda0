using ReviewWorkflow.Durable.Testing;

namespace ReviewWorkflow.Durable.Tests.Orchestrations;

public sealed class ActivityTests
{
    [Fact]
    public async Task Sequence_of_activities_completes_with_their_results()
    {
        await using var host = await DurableTestHost.StartAsync(b => b
            .AddOrchestratorFunc<string, string>("Greet", async (ctx, name) =>
            {
                var a = await ctx.CallActivityAsync<string>("Say", $"hello {name}");
                var b = await ctx.CallActivityAsync<string>("Say", "goodbye");
                return $"{a}; {b}";
            })
            .AddActivityFunc<string, string>("Say", (ctx, text) => $"{ctx.Name}:{text}"));

        var result = await host.RunAsync("Greet", "Ada");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("Say:hello Ada; Say:goodbye", result.ReadOutputAs<string>());
        Assert.Equal("Ada", result.ReadInputAs<string>());
    }

    [Fact]
    public async Task Fan_out_fan_in_over_twenty_activities()
    {
        await using var host = await DurableTestHost.StartAsync(b => b
            .AddOrchestratorFunc<int, int>("Sum", async (ctx, n) =>
            {
                var tasks = Enumerable.Range(1, n).Select(i => ctx.CallActivityAsync<int>("Square", i)).ToList();
                var squares = await Task.WhenAll(tasks);
                return squares.Sum();
            })
            .AddActivityFunc<int, int>("Square", (_, i) => i * i));

        var result = await host.RunAsync("Sum", 20);

        Assert.Equal(2870, result.ReadOutputAs<int>());
    }

    [Fact]
    public async Task Activity_failure_surfaces_as_TaskFailedException_with_details()
    {
        await using var host = await DurableTestHost.StartAsync(b => b
            .AddOrchestratorFunc<string, string>("Catch", async (ctx, _) =>
            {
                try
                {
                    await ctx.CallActivityAsync("Boom");
                    return "no failure";
                }
                catch (TaskFailedException ex)
                {
                    return $"{ex.TaskName}|{ex.TaskId}|{ex.FailureDetails.ErrorType}|{ex.FailureDetails.ErrorMessage}|{ex.FailureDetails.InnerFailure?.ErrorMessage}";
                }
            })
            .AddActivityFunc<object?, string>("Boom", async (_, _) =>
            {
                await Task.CompletedTask;
                throw new InvalidOperationException("minutes missing", new FormatException("bad date"));
            }));

        var result = await host.RunAsync("Catch", "x");

        Assert.Equal("Boom|0|System.InvalidOperationException|minutes missing|bad date", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Unhandled_activity_failure_fails_the_orchestration()
    {
        await using var host = await DurableTestHost.StartAsync(b => b
            .AddOrchestratorFunc<string, string>("NoCatch", async (ctx, _) => await ctx.CallActivityAsync<string>("Boom"))
            .AddActivityFunc<object?, string>("Boom", async (_, _) =>
            {
                await Task.CompletedTask;
                throw new InvalidOperationException("kaput");
            }));

        var result = await host.RunAsync("NoCatch", "x");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.NotNull(result.FailureDetails);
        Assert.Equal(typeof(TaskFailedException).FullName, result.FailureDetails.ErrorType);
        Assert.Equal("kaput", result.FailureDetails.InnerFailure?.ErrorMessage);
        Assert.True(result.FailureDetails.IsCausedBy<TaskFailedException>());
    }

    [Fact]
    public async Task Activity_names_are_case_insensitive_and_unknown_activities_fail_the_task()
    {
        await using var host = await DurableTestHost.StartAsync(b => b
            .AddOrchestratorFunc<string, string>("Names", async (ctx, _) =>
            {
                var ok = await ctx.CallActivityAsync<string>("ECHO", "x");
                try
                {
                    await ctx.CallActivityAsync("NotThere");
                    return "unexpected";
                }
                catch (TaskFailedException ex)
                {
                    return $"{ok}|{ex.FailureDetails.ErrorType}";
                }
            })
            .AddActivityFunc<string, string>("echo", (_, s) => s));

        var result = await host.RunAsync("names", "x");

        Assert.Equal("x|ActivityTaskNotFound", result.ReadOutputAs<string>());
    }
}
