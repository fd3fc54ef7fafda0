using ReviewWorkflow.Workflow.Responses;
using ReviewWorkflow.Workflow.Tests.Fixtures;

namespace ReviewWorkflow.Workflow.Tests.Responses;

/// <summary>
/// <see cref="ResponseStore.ForWriteAsync"/>: a save or submission may start from what the store last read or wrote
/// instead of reading again, and must then end exactly as if it had read: another process's save is still a conflict
/// shown with the other version, a submission elsewhere still final, a newer version the person has still accepted.
/// "Another process" is a second store on the same table (it shares no memory with the first).
/// </summary>
public class ResponseMemoryTests : ResponseStoreTestBase
{
    /// <summary>Two stores on one table: this process and another instance of the app.</summary>
    private async Task<(ResponseStore Here, ResponseStore Elsewhere)> TwoProcessesAsync()
    {
        var table = await TestTables.CreateAsync("resp");
        return (new ResponseStore(table, Clock), new ResponseStore(table, Clock));
    }

    [Fact]
    public async Task SaveThenSubmit_FromMemory_ReadsNothing_AndWritesOnceEach()
    {
        var (table, calls) = await TestTables.CreateCountedAsync("resp");
        var store = new ResponseStore(table, Clock);
        var opened = await store.ForWriteAsync(Cycle, Consultee); // nothing in memory yet: one read (it finds nothing)
        Assert.Equal(["GET"], calls.All);
        calls.Clear();

        var saved = await store.SaveAsync(Cycle, Consultee, Content("v1"), "Riley", null, Rules, await store.ForWriteAsync(Cycle, Consultee));
        var fromMemory = await store.ForWriteAsync(Cycle, Consultee);
        var submitted = await store.SubmitAsync(Cycle, Consultee, "Riley", saved.Response!.ETag, Rules, read: fromMemory);

        Assert.False(opened.FromMemory);
        Assert.Equal((ResponseOutcomeKind.Saved, ResponseOutcomeKind.Submitted), (saved.Kind, submitted.Kind));
        Assert.True(fromMemory.FromMemory);
        Assert.Equal(saved.Response.ETag, fromMemory.Response!.ETag);
        Assert.Equal(["POST", "PUT"], calls.All); // the insert and the guarded replace; no read between them
        var stored = (await store.GetAsync(Cycle, Consultee))!;
        Assert.Equal((ResponseStatus.Submitted, "v1", 2), (stored.Status, stored.Content.Comments, stored.Version));
    }

    [Fact]
    public async Task Save_FromMemory_AfterAnotherProcessSaved_IsAConflictWithTheirVersion_AndOneDraft()
    {
        var (here, elsewhere) = await TwoProcessesAsync();
        var v1 = (await here.SaveAsync(Cycle, Consultee, Content("v1"), "Dr Avery Test", null, Rules)).Response!;
        await elsewhere.SaveAsync(Cycle, Consultee, Content("v2 by Avery"), "Dr Avery Test", v1.ETag, Rules);

        var memory = await here.ForWriteAsync(Cycle, Consultee);
        var late = await here.SaveAsync(Cycle, Consultee, Content("v2 by Blair"), "Nurse Blair Test", v1.ETag, Rules, memory);

        Assert.Equal(("v1", true), (memory.Response!.Content.Comments, memory.FromMemory)); // out of date, as memory may be
        Assert.Equal(ResponseOutcomeKind.Conflict, late.Kind);
        Assert.Equal("v2 by Avery", late.Conflict!.Stored.Content.Comments); // decided on a fresh read
        Assert.Equal("v2 by Avery", (await elsewhere.GetAsync(Cycle, Consultee))!.Content.Comments);
        Assert.Equal("v2 by Blair", Assert.Single(await here.ListDraftsAsync(Cycle, Consultee)).Content.Comments);
    }

    [Fact]
    public async Task Save_FromMemory_WhenThePersonStartedFromANewerVersion_SavesWithoutAConflict()
    {
        var (here, elsewhere) = await TwoProcessesAsync();
        var v1 = (await here.SaveAsync(Cycle, Consultee, Content("v1"), "Riley", null, Rules)).Response!;
        var v2 = (await elsewhere.SaveAsync(Cycle, Consultee, Content("v2"), "Riley", v1.ETag, Rules)).Response!; // the page came from the other instance

        var v3 = await here.SaveAsync(Cycle, Consultee, Content("v3"), "Riley", v2.ETag, Rules, await here.ForWriteAsync(Cycle, Consultee));

        Assert.Equal(ResponseOutcomeKind.Saved, v3.Kind);
        var stored = (await elsewhere.GetAsync(Cycle, Consultee))!;
        Assert.Equal(("v3", 3, v3.Response!.ETag), (stored.Content.Comments, stored.Version, stored.ETag));
        Assert.Empty(await here.ListDraftsAsync(Cycle, Consultee));
    }

    [Fact]
    public async Task Save_FromMemory_RepeatingASaveThatLandedElsewhere_SucceedsWithoutAConflict()
    {
        var (here, elsewhere) = await TwoProcessesAsync();
        var v1 = (await here.SaveAsync(Cycle, Consultee, Content("v1"), "Riley", null, Rules)).Response!;
        var landed = (await elsewhere.SaveAsync(Cycle, Consultee, Content("v2"), "Riley", v1.ETag, Rules)).Response!; // the browser timed out ...

        var repeat = await here.SaveAsync(Cycle, Consultee, Content("v2"), "Riley", v1.ETag, Rules, await here.ForWriteAsync(Cycle, Consultee)); // ... and sent it again

        Assert.Equal(ResponseOutcomeKind.Saved, repeat.Kind); // as a fresh read would decide: the same content is not a conflict
        Assert.Equal(landed.ETag, repeat.Response!.ETag);
        Assert.Empty(await here.ListDraftsAsync(Cycle, Consultee));
    }

    [Fact]
    public async Task Submit_FromMemory_AfterTheSameContentWasSavedElsewhere_Submits()
    {
        var (here, elsewhere) = await TwoProcessesAsync();
        var v1 = (await here.SaveAsync(Cycle, Consultee, Content("v1"), "Riley", null, Rules)).Response!;
        await elsewhere.SaveAsync(Cycle, Consultee, Content("final"), "Riley", v1.ETag, Rules);

        var sent = await here.SubmitAsync(Cycle, Consultee, "Riley", v1.ETag, Rules, Content("final"), read: await here.ForWriteAsync(Cycle, Consultee));

        Assert.Equal(ResponseOutcomeKind.Submitted, sent.Kind);
        var stored = (await elsewhere.GetAsync(Cycle, Consultee))!;
        Assert.Equal((ResponseStatus.Submitted, "final", 3), (stored.Status, stored.Content.Comments, stored.Version));
    }

    [Fact]
    public async Task FirstSave_FromMemoryOfNothing_AfterAnotherProcessSaved_IsAConflict_NotAnError()
    {
        var (here, elsewhere) = await TwoProcessesAsync();
        Assert.Null(await here.GetAsync(Cycle, Consultee)); // remembered: nothing saved
        await elsewhere.SaveAsync(Cycle, Consultee, Content("from the other tab"), "Jordan Partner", null, Rules);

        var memory = await here.ForWriteAsync(Cycle, Consultee);
        var outcome = await here.SaveAsync(Cycle, Consultee, Content("from this tab"), "Sam Partner", null, Rules, memory);

        Assert.True(memory is { FromMemory: true, Response: null });
        Assert.Equal(ResponseOutcomeKind.Conflict, outcome.Kind);
        Assert.Equal("from the other tab", outcome.Conflict!.Stored.Content.Comments);
        Assert.Equal("from this tab", Assert.Single(await here.ListDraftsAsync(Cycle, Consultee)).Content.Comments);
    }

    [Fact]
    public async Task Submit_FromMemory_AfterAnotherProcessSubmitted_IsAlreadySubmitted_AndChangesNothing()
    {
        var (here, elsewhere) = await TwoProcessesAsync();
        var v1 = (await here.SaveAsync(Cycle, Consultee, Content("v1"), "Riley", null, Rules)).Response!;
        var first = await elsewhere.SubmitAsync(Cycle, Consultee, "Riley", v1.ETag, Rules, idempotencyKey: "first");

        var second = await here.SubmitAsync(Cycle, Consultee, "Riley", v1.ETag, Rules, Content("changed my mind"), "second", await here.ForWriteAsync(Cycle, Consultee));

        Assert.Equal((ResponseOutcomeKind.Submitted, ResponseOutcomeKind.AlreadySubmitted), (first.Kind, second.Kind));
        var stored = (await elsewhere.GetAsync(Cycle, Consultee))!;
        Assert.Equal(("v1", first.Response!.ETag), (stored.Content.Comments, stored.ETag));
        Assert.Empty(await here.ListDraftsAsync(Cycle, Consultee));
    }

    [Fact]
    public async Task Save_FromMemoryOfASubmission_IsAlreadySubmitted_WithoutAStorageCall()
    {
        var (table, calls) = await TestTables.CreateCountedAsync("resp");
        var store = new ResponseStore(table, Clock);
        var v1 = (await store.SaveAsync(Cycle, Consultee, Content("v1"), "Riley", null, Rules)).Response!;
        var sent = (await store.SubmitAsync(Cycle, Consultee, "Riley", v1.ETag, Rules)).Response!;
        calls.Clear();

        var again = await store.SaveAsync(Cycle, Consultee, Content("after sending"), "Riley", v1.ETag, Rules, await store.ForWriteAsync(Cycle, Consultee));

        Assert.Equal(ResponseOutcomeKind.AlreadySubmitted, again.Kind);
        Assert.Equal(sent.ETag, again.Response!.ETag);
        Assert.Empty(calls.All); // a submission is final, so memory of it is enough
    }

    [Fact]
    public async Task A_long_response_is_not_kept_in_memory_but_read_again_before_a_write()
    {
        var store = await StoreAsync();
        var longer = Content(new string('g', ResponseStore.RecentMaxCharacters - 99), (1, PledgeView.Agree, new string('c', 100)));
        var shorter = Content(new string('g', ResponseStore.RecentMaxCharacters - 100), (1, PledgeView.Agree, new string('c', 100)));

        await store.SaveAsync(Cycle, Consultee, longer, "Riley", null, Rules);
        var afterLong = await store.ForWriteAsync(Cycle, Consultee);
        await store.SaveAsync(Cycle, Consultee, shorter, "Riley", afterLong.Response!.ETag, Rules, afterLong);
        var afterShort = await store.ForWriteAsync(Cycle, Consultee);

        Assert.False(afterLong.FromMemory);
        Assert.True(afterLong.Response.Content.SameAs(longer));
        Assert.True(afterShort.FromMemory);
        Assert.True(afterShort.Response!.Content.SameAs(shorter));
    }
}
