using Microsoft.Extensions.Time.Testing;
using ReviewWorkflow.Workflow.Caching;
using ReviewWorkflow.Workflow.Consultation;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Cycles.Caching;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Tests.Fixtures;

namespace ReviewWorkflow.Workflow.Tests.Cycles;

/// <summary>The façade's in-memory cycle cache: immutable inputs read once, the live status at most a TTL old and never
/// older than a command this process sent.</summary>
public sealed class CachingTests
{
    private static readonly DateOnly Closes = new(2027, 2, 12);

    private static LiveStatus Status(DateOnly closes, bool closedEarly = false, params string[] commands) =>
        new(new ReviewCycleInput(), closes, closedEarly, CycleStage.Consultation, commands);

    [Fact]
    public void A_cached_definition_is_not_read_again_but_a_re_created_instance_is()
    {
        var cache = new CycleCache(new FakeTimeProvider());
        var created = new DateTimeOffset(2027, 1, 4, 10, 0, 0, TimeSpan.Zero);
        var reads = 0;
        ReviewCycleInput Read()
        {
            reads++;
            return new ReviewCycleInput { StartKey = "k" + reads };
        }

        Assert.Equal("k1", cache.Definition("c1", created, Read)!.StartKey);
        Assert.Equal("k1", cache.Definition("c1", created, Read)!.StartKey);
        Assert.Equal(1, reads);
        Assert.Equal("k2", cache.Definition("c1", created.AddMinutes(1), Read)!.StartKey);
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task The_consultees_are_read_once_and_a_missing_consultation_is_not_remembered()
    {
        var cache = new CycleCache(new FakeTimeProvider());
        var reads = 0;
        ConsultationInput? input = null;
        Task<ConsultationInput?> Read()
        {
            reads++;
            return Task.FromResult(input);
        }

        Assert.Null(await cache.ConsultationAsync("c1:consultation-1", Read));
        input = new ConsultationInput { Consultees = [new ResolvedConsultee("p1", "Pat Example", "pat@carers.example", 0, "Carers", Audience.Carers, null)] };
        var found = await cache.ConsultationAsync("c1:consultation-1", Read);
        var again = await cache.ConsultationAsync("c1:consultation-1", Read);
        Assert.Equal(2, reads);
        Assert.Equal("Pat Example", found!.Value.ById["p1"].Name);
        Assert.Same(found.Value.Input, again!.Value.Input);
    }

    [Fact]
    public async Task The_live_status_is_served_from_memory_within_the_ttl_and_read_again_after_it()
    {
        var clock = new FakeTimeProvider();
        var cache = new CycleCache(clock, statusTtl: TimeSpan.FromSeconds(1));
        var closes = Closes;
        var loads = 0;
        Task<LiveStatus?> Load()
        {
            loads++;
            return Task.FromResult<LiveStatus?>(Status(closes));
        }

        Assert.Equal(Closes, (await cache.StatusAsync("c1", Load))!.ConsultationCloses);
        closes = Closes.AddDays(7); // extended by another process
        clock.Advance(TimeSpan.FromMilliseconds(900));
        Assert.Equal(Closes, (await cache.StatusAsync("c1", Load))!.ConsultationCloses);
        Assert.Equal(1, loads);

        clock.Advance(TimeSpan.FromMilliseconds(200));
        Assert.Equal(Closes.AddDays(7), (await cache.StatusAsync("c1", Load))!.ConsultationCloses);
        Assert.Equal(2, loads);
    }

    [Fact]
    public async Task Concurrent_callers_share_one_load()
    {
        var cache = new CycleCache(new FakeTimeProvider());
        var gate = new TaskCompletionSource<LiveStatus?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var loads = 0;
        var callers = Enumerable.Range(0, 20).Select(_ => cache.StatusAsync("c1", () =>
        {
            Interlocked.Increment(ref loads);
            return gate.Task;
        })).ToList();
        gate.SetResult(Status(Closes));

        var results = await Task.WhenAll(callers);
        Assert.Equal(1, loads);
        Assert.All(results, r => Assert.Equal(Closes, r!.ConsultationCloses));
    }

    [Fact]
    public async Task After_a_command_the_status_is_read_from_storage_until_it_shows_the_command()
    {
        var cache = new CycleCache(new FakeTimeProvider());
        var applied = false;
        var loads = 0;
        Task<LiveStatus?> Load()
        {
            loads++;
            return Task.FromResult<LiveStatus?>(applied ? Status(Closes.AddDays(7), false, "extend-1") : Status(Closes));
        }

        await cache.StatusAsync("c1", Load);
        cache.CommandSent("c1", "extend-1");
        Assert.Equal(Closes, (await cache.StatusAsync("c1", Load))!.ConsultationCloses); // not applied yet
        Assert.Equal(Closes, (await cache.StatusAsync("c1", Load))!.ConsultationCloses);
        Assert.Equal(3, loads);

        applied = true;
        Assert.Equal(Closes.AddDays(7), (await cache.StatusAsync("c1", Load))!.ConsultationCloses);
        Assert.Equal(4, loads);
        Assert.Equal(Closes.AddDays(7), (await cache.StatusAsync("c1", Load))!.ConsultationCloses);
        Assert.Equal(5, loads); // the first read after settling is stored, not served
        Assert.Equal(Closes.AddDays(7), (await cache.StatusAsync("c1", Load))!.ConsultationCloses);
        Assert.Equal(5, loads);
    }

    [Fact]
    public async Task The_list_is_served_at_once_while_one_reload_runs_and_waited_for_when_too_old()
    {
        var clock = new FakeTimeProvider();
        var cache = new CycleCache(clock, statusTtl: TimeSpan.FromSeconds(1), listTtl: TimeSpan.FromSeconds(1));
        var generation = 0;
        var loads = 0;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<IReadOnlyList<CycleView>> Load()
        {
            var mine = Interlocked.Increment(ref loads);
            if (mine == 2)
            {
                await gate.Task; // the background reload is slow
            }

            return [new CycleView { CycleId = "c1", Title = $"generation {Volatile.Read(ref generation)}" }];
        }

        Assert.Equal("generation 0", (await cache.ListAsync(Load))[0].Title);
        generation = 1;
        clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal("generation 0", (await cache.ListAsync(Load))[0].Title); // fresh: from memory
        Assert.Equal(1, loads);

        clock.Advance(TimeSpan.FromSeconds(1));
        var readers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => cache.ListAsync(Load)));
        Assert.All(readers, r => Assert.Equal("generation 0", r[0].Title)); // stale, at once: nobody waited for the reload
        await WaitUntilAsync(() => Volatile.Read(ref loads) == 2);
        Assert.Equal(2, loads); // one reload for all ten readers

        gate.SetResult();
        await WaitUntilAsync(async () => (await cache.ListAsync(Load))[0].Title == "generation 1");
        Assert.Equal(2, loads);

        generation = 2;
        clock.Advance(cache.ListMaxStale + TimeSpan.FromSeconds(1));
        Assert.Equal("generation 2", (await cache.ListAsync(Load))[0].Title); // too old to serve: loaded and waited for
        Assert.Equal(3, loads);
    }

    [Fact]
    public async Task After_a_command_the_list_is_loaded_now_not_served_stale()
    {
        var clock = new FakeTimeProvider();
        var cache = new CycleCache(clock, statusTtl: TimeSpan.FromSeconds(1));
        var title = "before";
        Task<IReadOnlyList<CycleView>> Load() => Task.FromResult<IReadOnlyList<CycleView>>([new CycleView { CycleId = "c1", Title = title }]);

        await cache.ListAsync(Load);
        clock.Advance(TimeSpan.FromSeconds(2));
        cache.CommandSent("c1", "cmd-1");
        title = "after";

        Assert.Equal("after", (await cache.ListAsync(Load))[0].Title);
    }

    private static async Task WaitUntilAsync(Func<bool> done) => await WaitUntilAsync(() => Task.FromResult(done()));

    private static async Task WaitUntilAsync(Func<Task<bool>> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await done())
        {
            Assert.False(timeout.IsCancellationRequested, "Waited 30 s.");
            await Task.Delay(10);
        }
    }

    [Fact]
    public void The_cache_holds_at_most_its_capacity()
    {
        var cache = new BoundedCache<int, int>(100);
        for (var i = 0; i < 1000; i++)
        {
            cache.Set(i, i);
            _ = cache.TryGet(0, out _); // touching 0 keeps it recently used
        }

        Assert.InRange(cache.Count, 1, 100);
        Assert.True(cache.TryGet(0, out _));
        Assert.True(cache.TryGet(999, out _));
        Assert.False(cache.TryGet(500, out _));
    }

    [Fact]
    public async Task An_extension_and_an_early_close_take_effect_for_consultees_at_once_in_this_process()
    {
        await using var h = await CycleHarness.StartAsync(new CycleWorld(CycleSteps.Start));
        var id = await h.StartRutlandAsync();
        await h.AdvanceToAsync(2027, 2, 3);
        var consultee = ConsulteeId.For("riley@young.example");
        Assert.Equal(Closes, (await h.Service.GetConsulteeFormAsync(id, consultee))!.Closes);
        var loads = h.Service.Cache.StatusLoads;
        Assert.Equal(Closes, (await h.Service.GetResponseRulesAsync(id))!.Closes);
        Assert.Equal(loads, h.Service.Cache.StatusLoads); // served from memory

        await h.Service.ExtendConsultationAsync(id, new DateOnly(2027, 2, 19), People.Lead, "req-ext", CycleSteps.NewKey()).OkAsync();
        await h.Host.RunUntilIdleAsync();
        Assert.Equal(new DateOnly(2027, 2, 19), (await h.Service.GetConsulteeFormAsync(id, consultee))!.Closes);
        Assert.Equal(new DateOnly(2027, 2, 19), (await h.Service.GetResponseRulesAsync(id))!.Closes);

        await h.Service.CloseConsultationAsync(id, People.Lead, "req-close", CycleSteps.NewKey()).OkAsync();
        await h.Host.RunUntilIdleAsync();
        var rules = await h.Service.GetResponseRulesAsync(id);
        Assert.True(rules!.ClosedEarly);
        Assert.True((await h.Service.GetConsulteeFormAsync(id, consultee))!.ClosedEarly);
    }
}
