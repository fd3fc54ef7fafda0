using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Workflow.Tests.Responses;

/// <summary>
/// The response tally the dashboard and cycle page count from is held for a moment (issue 12, load): this app's own
/// saves and submissions show in it at once; another instance's show once the held tally is <see cref="ResponseTally.Freshness"/> old.
/// </summary>
public sealed class ResponseTallyTests : ResponseStoreTestBase
{
    [Fact]
    public async Task A_submission_through_this_store_shows_in_the_next_tally_at_once()
    {
        var store = await StoreAsync();
        Assert.Empty(await store.TallyAsync(Cycle)); // now held

        await store.SubmitAsync(Cycle, Consultee, "Riley", null, Rules, Content("All good"));
        await store.SaveAsync(Cycle, "c-second", Content("Half done"), "Sam", null, Rules);

        var tally = await store.TallyAsync(Cycle);
        Assert.Equal((ResponseStatus.Submitted, false), tally[Consultee]);
        Assert.Equal((ResponseStatus.InProgress, false), tally["c-second"]);
    }

    [Fact]
    public async Task A_submission_by_another_instance_shows_once_the_held_tally_is_a_moment_old()
    {
        var table = await Fixtures.TestTables.CreateAsync("resp");
        var web1 = new ResponseStore(table, Clock);
        var web2 = new ResponseStore(table, Clock);
        Assert.Empty(await web1.TallyAsync(Cycle));

        await web2.SubmitAsync(Cycle, Consultee, "Riley", null, Rules, Content("All good"));
        await Task.Delay(ResponseTally.Freshness + TimeSpan.FromMilliseconds(100));

        Assert.Equal(ResponseStatus.Submitted, (await web1.TallyAsync(Cycle))[Consultee].Status);
    }

    [Fact]
    public async Task A_read_that_overlapped_a_write_of_this_process_is_not_kept()
    {
        var tally = new ResponseTally();
        var reads = 0;
        var slowRead = new TaskCompletionSource<Dictionary<string, (ResponseStatus Status, bool Late)>>();
        var overlapping = tally.GetAsync("cycle", () => { reads++; return slowRead.Task; });

        tally.Written("cycle", "c-1", ResponseStatus.Submitted, false); // lands while the read runs
        slowRead.SetResult(new Dictionary<string, (ResponseStatus Status, bool Late)>(StringComparer.Ordinal)); // read before the write
        Assert.Empty(await overlapping);

        var next = await tally.GetAsync("cycle", () =>
        {
            reads++;
            return Task.FromResult(new Dictionary<string, (ResponseStatus Status, bool Late)>(StringComparer.Ordinal) { ["c-1"] = (ResponseStatus.Submitted, false) });
        });
        Assert.Equal(2, reads);
        Assert.Equal(ResponseStatus.Submitted, next["c-1"].Status);
    }
}
