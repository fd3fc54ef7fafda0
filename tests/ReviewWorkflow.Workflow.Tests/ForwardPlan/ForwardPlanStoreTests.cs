using ReviewWorkflow.Workflow.ForwardPlan;
using ReviewWorkflow.Workflow.Tests.Fixtures;

namespace ReviewWorkflow.Workflow.Tests.ForwardPlan;

public sealed class ForwardPlanStoreTests
{
    [Fact]
    public async Task First_published_date_is_written_once_even_when_two_readers_race()
    {
        var store = new ForwardPlanStore(await TestTables.CreateAsync("fp"));

        var dates = await Task.WhenAll(
            store.RecordFirstPublishedAsync("cic-2027", "01", new DateOnly(2027, 1, 4)),
            store.RecordFirstPublishedAsync("cic-2027", "01", new DateOnly(2027, 1, 4)));
        var later = await store.RecordFirstPublishedAsync("cic-2027", "01", new DateOnly(2027, 1, 20));
        var (stored, _) = await store.ReadAsync("cic-2027");

        Assert.All(dates, d => Assert.Equal(new DateOnly(2027, 1, 4), d));
        Assert.Equal(new DateOnly(2027, 1, 4), later);
        Assert.Equal(new DateOnly(2027, 1, 4), stored["01"]);
    }

    [Fact]
    public async Task An_exception_is_stored_once_and_the_first_wins()
    {
        var store = new ForwardPlanStore(await TestTables.CreateAsync("fp"));
        var first = new KeyDecisionExceptionRecord { Route = ExceptionRoute.SpecialUrgency, Reason = "Urgent", ChairName = "Cllr Robin Example", ChairAgreedOn = new DateOnly(2027, 4, 12), IdempotencyKey = "k1", RecordedBy = "clerk@council.example" };

        await store.RecordExceptionAsync("cic-2027", "01", first);
        var second = await store.RecordExceptionAsync("cic-2027", "01", first with { Reason = "Other", IdempotencyKey = "k2" });
        var (_, exceptions) = await store.ReadAsync("cic-2027");

        Assert.Equal("k1", second.IdempotencyKey);
        Assert.Equal("Urgent", exceptions["01"].Reason);
        Assert.Equal(new DateOnly(2027, 4, 12), exceptions["01"].ChairAgreedOn);
    }
}
