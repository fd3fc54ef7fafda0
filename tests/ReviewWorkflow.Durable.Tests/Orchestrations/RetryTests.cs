using ReviewWorkflow.Durable.Testing;

using ReviewWorkflow.Durable.Tests.Testing;

namespace ReviewWorkflow.Durable.Tests.Orchestrations;

public sealed class RetryTests
{
    [Fact]
    public async Task Retries_back_off_on_durable_timers_at_the_exact_times()
    {
        var attempts = new List<DateTimeOffset>();
        FakeTimeProvider time = new();
        await using var host = await DurableTestHost.StartAsync(
            b => b
                .AddOrchestratorFunc<string, string>("Notify", async (ctx, _) =>
                    await ctx.CallActivityAsync<string>("Flaky", null, TaskOptions.FromRetryPolicy(new RetryPolicy(
                        maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromMinutes(1), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(5)))))
                .AddActivityFunc<object?, string>("Flaky", (_, _) =>
                {
                    attempts.Add(time.GetUtcNow());
                    return attempts.Count < 5 ? Fail.With<string>(new TimeoutException("mail server busy")) : "sent";
                }),
            time: time);
        var start = time.GetUtcNow();

        var result = await host.RunAsync("Notify", "x");

        Assert.Equal("sent", result.ReadOutputAs<string>());
        Assert.Equal(
            [start, start.AddMinutes(1), start.AddMinutes(3), start.AddMinutes(7), start.AddMinutes(12)],
            attempts);
    }

    [Fact]
    public async Task Retry_stops_after_max_attempts_and_rethrows_the_last_failure()
    {
        var count = 0;
        await using var host = await DurableTestHost.StartAsync(b => b
            .AddOrchestratorFunc<string, string>("Notify", async (ctx, _) =>
                await ctx.CallActivityAsync<string>("Broken", null, TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(10)))))
            .AddActivityFunc<object?, string>("Broken", (_, _) => Fail.With<string>(new TimeoutException($"attempt {++count}"))));

        var result = await host.RunAsync("Notify", "x");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(3, count);
        Assert.Equal("attempt 3", result.FailureDetails!.InnerFailure!.ErrorMessage);
    }

    [Fact]
    public async Task HandleFailure_false_and_non_retriable_failures_are_not_retried()
    {
        var calls = new Dictionary<string, int>();
        await using var host = await DurableTestHost.StartAsync(b => b
            .AddOrchestratorFunc<string, string>("Notify", async (ctx, kind) =>
            {
                var policy = new RetryPolicy(5, TimeSpan.FromSeconds(1)) { HandleFailure = f => !f.IsCausedBy<ArgumentException>() };
                try
                {
                    await ctx.CallActivityAsync<string>("Fail", kind, TaskOptions.FromRetryPolicy(policy));
                    return "ok";
                }
                catch (TaskFailedException)
                {
                    return "failed";
                }
            })
            .AddActivityFunc<string, string>("Fail", (_, kind) =>
            {
                calls[kind] = calls.GetValueOrDefault(kind) + 1;
                return Fail.With<string>(kind == "argument" ? new ArgumentException("bad address") : new NonRetriableException("recipient opted out"));
            }));

        Assert.Equal("failed", (await host.RunAsync("Notify", "argument")).ReadOutputAs<string>());
        Assert.Equal("failed", (await host.RunAsync("Notify", "nonretriable")).ReadOutputAs<string>());
        Assert.Equal(1, calls["argument"]);
        Assert.Equal(1, calls["nonretriable"]);
    }

    [Fact]
    public async Task Retry_timeout_stops_retrying()
    {
        var count = 0;
        await using var host = await DurableTestHost.StartAsync(b => b
            .AddOrchestratorFunc<string, string>("Notify", async (ctx, _) =>
                await ctx.CallActivityAsync<string>("Broken", null, TaskOptions.FromRetryPolicy(
                    new RetryPolicy(100, TimeSpan.FromMinutes(10), retryTimeout: TimeSpan.FromMinutes(35)))))
            .AddActivityFunc<object?, string>("Broken", (_, _) => Fail.With<string>(new TimeoutException($"attempt {++count}"))));

        var result = await host.RunAsync("Notify", "x");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(4, count); // at 0, 10, 20 and 30 minutes; the next would start after 35.
    }

    [Fact]
    public void Delay_grows_by_the_coefficient_and_is_capped()
    {
        var policy = new RetryPolicy(10, TimeSpan.FromSeconds(5), backoffCoefficient: 3, maxRetryInterval: TimeSpan.FromMinutes(1));
        Assert.Equal(
            [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(45), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)],
            Enumerable.Range(0, 5).Select(policy.GetDelay));
        Assert.Equal(TimeSpan.FromHours(1), new RetryPolicy(2, TimeSpan.FromSeconds(1)).MaxRetryInterval);
        Assert.Equal(Timeout.InfiniteTimeSpan, new RetryPolicy(2, TimeSpan.FromSeconds(1)).RetryTimeout);
    }
}
