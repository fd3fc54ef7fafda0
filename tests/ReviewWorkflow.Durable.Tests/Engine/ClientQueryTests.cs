using ReviewWorkflow.Durable.Testing;

namespace ReviewWorkflow.Durable.Tests.Engine;

public sealed class ClientQueryTests
{
    [Fact]
    public async Task Queries_filter_by_status_created_time_and_prefix_with_paging()
    {
        await using var host = await DurableTestHost.StartAsync(b => b
            .AddOrchestratorFunc<bool, string>("Maybe", async (ctx, wait) => wait ? await ctx.WaitForExternalEvent<string>("Go") : "done"));
        var t0 = host.Time.GetUtcNow();
        for (var i = 0; i < 5; i++)
        {
            await host.Client.ScheduleNewOrchestrationInstanceAsync("Maybe", i % 2 == 0, new StartOrchestrationOptions($"pledge-{i}"));
            await host.RunUntilIdleAsync();
            host.Time.Advance(TimeSpan.FromDays(1));
        }

        await host.Client.ScheduleNewOrchestrationInstanceAsync("Maybe", false, new StartOrchestrationOptions("strategy-1"));
        await host.RunUntilIdleAsync();

        var running = await host.Client.GetAllInstancesAsync(new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Running], PageSize = 1 }).Select(m => m.InstanceId).ToListAsync();
        Assert.Equal(["pledge-0", "pledge-2", "pledge-4"], running.Order());

        var firstPage = await host.Client.QueryInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = "pledge-", PageSize = 2 });
        Assert.Equal(2, firstPage.Values.Count);
        Assert.NotNull(firstPage.ContinuationToken);
        var secondPage = await host.Client.QueryInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = "pledge-", PageSize = 2, ContinuationToken = firstPage.ContinuationToken });
        Assert.Empty(firstPage.Values.Select(v => v.InstanceId).Intersect(secondPage.Values.Select(v => v.InstanceId)));

        var created = await host.Client.GetAllInstancesAsync(new OrchestrationQuery { CreatedFrom = t0.AddDays(1), CreatedTo = t0.AddDays(2), FetchInputsAndOutputs = true }).ToListAsync();
        Assert.Equal(["pledge-1", "pledge-2"], created.Select(m => m.InstanceId).Order());
        Assert.Equal("\"done\"", created.Single(m => m.InstanceId == "pledge-1").SerializedOutput);

        var withoutData = await host.Client.GetInstanceAsync("pledge-1");
        Assert.Null(withoutData!.SerializedInput);
        Assert.Null(withoutData.SerializedOutput);
        Assert.True(withoutData.IsCompleted);
        Assert.False(withoutData.IsRunning);
        Assert.Equal("Maybe", withoutData.Name);
        Assert.Equal(t0.AddDays(1), withoutData.CreatedAt);
    }

    [Fact]
    public async Task WaitForInstanceStart_returns_once_running_and_completion_wait_explains_a_stuck_instance()
    {
        await using var host = await DurableTestHost.StartAsync(b => b
            .AddOrchestratorFunc<string, string>("Forever", async (ctx, _) => await ctx.WaitForExternalEvent<string>("Never")));
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Forever", "x");

        var started = await host.Client.WaitForInstanceStartAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Running, started.RuntimeStatus);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => host.Client.WaitForInstanceCompletionAsync(id));
        Assert.Contains("external event", ex.Message);
    }

    [Fact]
    public async Task NewGuid_is_deterministic_across_replays_and_matches_the_durable_task_algorithm()
    {
        await using var host = await DurableTestHost.StartAsync(b => b
            .AddOrchestratorFunc<string, List<Guid>>("Guids", async (ctx, _) =>
            {
                var a = ctx.NewGuid();
                var b = ctx.NewGuid();
                await ctx.CreateTimer(TimeSpan.FromMinutes(5), CancellationToken.None);
                var c = ctx.NewGuid();
                return [a, b, c];
            }));
        var result = await host.RunAsync("Guids", "x", new StartOrchestrationOptions("guid-instance"));
        var guids = result.ReadOutputAs<List<Guid>>()!;

        Assert.Equal(3, guids.Distinct().Count());
        Assert.All(guids, g => Assert.Equal(5, g.Version));
        var startedAt = host.Time.GetUtcNow().AddMinutes(-5).UtcDateTime;
        var expected = Execution.DeterministicGuid.Create(
            new Guid("9e952958-5e33-4daf-827f-2fa12937b875"), $"guid-instance_{startedAt:o}_0");
        Assert.Equal(expected, guids[0]);
    }

    [Fact]
    public void Deterministic_guid_is_a_standard_uuid_v5()
    {
        // RFC 9562 test vector: UUIDv5(DNS namespace, "www.example.com").
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        Assert.Equal(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"), Execution.DeterministicGuid.Create(dns, "www.example.com"));
    }
}
