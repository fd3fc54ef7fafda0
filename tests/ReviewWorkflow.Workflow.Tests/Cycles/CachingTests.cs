using ReviewWorkflow.Workflow.Caching;
using ReviewWorkflow.Workflow.Consultation;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Tests.Fixtures;

namespace ReviewWorkflow.Workflow.Tests.Cycles;

/// <summary>What the façade keeps in memory (the consultation's immutable input, bounded) and what it never may: a
/// consultee sees an extension or an early close as soon as the cycle's row shows it.</summary>
public sealed class CachingTests
{
    private static readonly DateOnly Closes = new(2027, 2, 12);

    [Fact]
    public async Task The_consultees_are_read_once_and_a_missing_consultation_is_not_remembered()
    {
        var cache = new ConsultationInputCache();
        var reads = 0;
        ConsultationInput? input = null;
        Task<ConsultationInput?> Read()
        {
            reads++;
            return Task.FromResult(input);
        }

        Assert.Null(await cache.GetAsync("c1:consultation-1", Read));
        input = new ConsultationInput { Consultees = [new ResolvedConsultee("p1", "Pat Example", "pat@carers.example", 0, "Carers", Audience.Carers, null)] };
        var found = await cache.GetAsync("c1:consultation-1", Read);
        var again = await cache.GetAsync("c1:consultation-1", Read);
        Assert.Equal(2, reads);
        Assert.Equal("Pat Example", found!.Value.ById["p1"].Name);
        Assert.Same(found.Value.Input, again!.Value.Input);
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
        Assert.Equal(Closes, (await h.Service.GetResponseRulesAsync(id))!.Closes);

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
