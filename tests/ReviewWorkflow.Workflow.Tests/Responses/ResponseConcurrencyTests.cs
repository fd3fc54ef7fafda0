using ReviewWorkflow.Workflow.Responses;
using ReviewWorkflow.Workflow.Tests.Fixtures;

namespace ReviewWorkflow.Workflow.Tests.Responses;

/// <summary>
/// A save or submission is one read (the request's own, <see cref="ResponseRead"/>) and one write guarded by its ETag.
/// Whatever another process does between the two, the outcome is the one a fresh read would give: a conflict shown
/// with the other version, a submission elsewhere final, a repeat harmless. "Another process" is a second store on the
/// same table.
/// </summary>
public class ResponseConcurrencyTests : ResponseStoreTestBase
{
    /// <summary>Two stores on one table: this process and another instance of the app.</summary>
    private async Task<(ResponseStore Here, ResponseStore Elsewhere)> TwoProcessesAsync()
    {
        var table = await TestTables.CreateAsync("resp");
        return (new ResponseStore(table, Clock), new ResponseStore(table, Clock));
    }

    [Fact]
    public async Task Save_and_submit_are_each_one_read_and_one_write()
    {
        var (table, calls) = await TestTables.CreateCountedAsync("resp");
        var store = new ResponseStore(table, Clock);

        var saved = await store.SaveAsync(Cycle, Consultee, Content("v1"), "Riley", null, Rules, new ResponseRead(await store.GetAsync(Cycle, Consultee)));
        Assert.Equal(["GET", "POST"], calls.All); // the request's read (nothing yet), then the insert
        calls.Clear();

        var again = await store.SaveAsync(Cycle, Consultee, Content("v2"), "Riley", saved.Response!.ETag, Rules);
        Assert.Equal(["GET", "PUT"], calls.All); // without the request's read the store reads once itself
        calls.Clear();

        var submitted = await store.SubmitAsync(Cycle, Consultee, "Riley", again.Response!.ETag, Rules, read: new ResponseRead(await store.GetAsync(Cycle, Consultee)));
        Assert.Equal(["GET", "PUT"], calls.All); // the read, then the replace guarded by its ETag

        Assert.Equal((ResponseOutcomeKind.Saved, ResponseOutcomeKind.Saved, ResponseOutcomeKind.Submitted), (saved.Kind, again.Kind, submitted.Kind));
        var stored = (await store.GetAsync(Cycle, Consultee))!;
        Assert.Equal((ResponseStatus.Submitted, "v2", submitted.Response!.ETag), (stored.Status, stored.Content.Comments, stored.ETag));
    }

    [Fact]
    public async Task Save_after_another_process_saved_since_the_read_is_a_conflict_with_their_version_and_one_draft()
    {
        var (here, elsewhere) = await TwoProcessesAsync();
        var v1 = (await here.SaveAsync(Cycle, Consultee, Content("v1"), "Dr Avery Test", null, Rules)).Response!;
        var read = new ResponseRead(await here.GetAsync(Cycle, Consultee));
        await elsewhere.SaveAsync(Cycle, Consultee, Content("v2 by Avery"), "Dr Avery Test", v1.ETag, Rules);

        var late = await here.SaveAsync(Cycle, Consultee, Content("v2 by Blair"), "Nurse Blair Test", v1.ETag, Rules, read);

        Assert.Equal(ResponseOutcomeKind.Conflict, late.Kind);
        Assert.Equal("v2 by Avery", late.Conflict!.Stored.Content.Comments); // decided on a fresh read
        Assert.Equal("v2 by Avery", (await elsewhere.GetAsync(Cycle, Consultee))!.Content.Comments);
        Assert.Equal("v2 by Blair", Assert.Single(await here.ListDraftsAsync(Cycle, Consultee)).Content.Comments);
    }

    [Fact]
    public async Task Save_when_the_person_started_from_a_version_saved_elsewhere_saves_without_a_conflict()
    {
        var (here, elsewhere) = await TwoProcessesAsync();
        var v1 = (await here.SaveAsync(Cycle, Consultee, Content("v1"), "Riley", null, Rules)).Response!;
        var v2 = (await elsewhere.SaveAsync(Cycle, Consultee, Content("v2"), "Riley", v1.ETag, Rules)).Response!; // the page came from the other instance

        var v3 = await here.SaveAsync(Cycle, Consultee, Content("v3"), "Riley", v2.ETag, Rules, new ResponseRead(await here.GetAsync(Cycle, Consultee)));

        Assert.Equal(ResponseOutcomeKind.Saved, v3.Kind);
        var stored = (await elsewhere.GetAsync(Cycle, Consultee))!;
        Assert.Equal(("v3", 3, v3.Response!.ETag), (stored.Content.Comments, stored.Version, stored.ETag));
        Assert.Empty(await here.ListDraftsAsync(Cycle, Consultee));
    }

    [Fact]
    public async Task Repeating_a_save_that_landed_elsewhere_succeeds_without_a_conflict()
    {
        var (here, elsewhere) = await TwoProcessesAsync();
        var v1 = (await here.SaveAsync(Cycle, Consultee, Content("v1"), "Riley", null, Rules)).Response!;
        var landed = (await elsewhere.SaveAsync(Cycle, Consultee, Content("v2"), "Riley", v1.ETag, Rules)).Response!; // the browser timed out ...

        var repeat = await here.SaveAsync(Cycle, Consultee, Content("v2"), "Riley", v1.ETag, Rules, new ResponseRead(await here.GetAsync(Cycle, Consultee))); // ... and sent it again

        Assert.Equal(ResponseOutcomeKind.Saved, repeat.Kind); // the same content is not a conflict
        Assert.Equal(landed.ETag, repeat.Response!.ETag);
        Assert.Empty(await here.ListDraftsAsync(Cycle, Consultee));
    }

    [Fact]
    public async Task Submitting_the_content_already_saved_elsewhere_submits()
    {
        var (here, elsewhere) = await TwoProcessesAsync();
        var v1 = (await here.SaveAsync(Cycle, Consultee, Content("v1"), "Riley", null, Rules)).Response!;
        await elsewhere.SaveAsync(Cycle, Consultee, Content("final"), "Riley", v1.ETag, Rules);

        var sent = await here.SubmitAsync(Cycle, Consultee, "Riley", v1.ETag, Rules, Content("final"), read: new ResponseRead(await here.GetAsync(Cycle, Consultee)));

        Assert.Equal(ResponseOutcomeKind.Submitted, sent.Kind);
        var stored = (await elsewhere.GetAsync(Cycle, Consultee))!;
        Assert.Equal((ResponseStatus.Submitted, "final", 3), (stored.Status, stored.Content.Comments, stored.Version));
    }

    [Fact]
    public async Task A_first_save_after_another_process_inserted_since_the_read_is_a_conflict_not_an_error()
    {
        var (here, elsewhere) = await TwoProcessesAsync();
        var read = new ResponseRead(await here.GetAsync(Cycle, Consultee)); // nothing saved yet
        await elsewhere.SaveAsync(Cycle, Consultee, Content("from the other tab"), "Jordan Partner", null, Rules);

        var outcome = await here.SaveAsync(Cycle, Consultee, Content("from this tab"), "Sam Partner", null, Rules, read);

        Assert.Null(read.Response);
        Assert.Equal(ResponseOutcomeKind.Conflict, outcome.Kind);
        Assert.Equal("from the other tab", outcome.Conflict!.Stored.Content.Comments);
        Assert.Equal("from this tab", Assert.Single(await here.ListDraftsAsync(Cycle, Consultee)).Content.Comments);
    }

    [Fact]
    public async Task Submit_after_another_process_submitted_since_the_read_is_already_submitted_and_changes_nothing()
    {
        var (here, elsewhere) = await TwoProcessesAsync();
        var v1 = (await here.SaveAsync(Cycle, Consultee, Content("v1"), "Riley", null, Rules)).Response!;
        var read = new ResponseRead(await here.GetAsync(Cycle, Consultee));
        var first = await elsewhere.SubmitAsync(Cycle, Consultee, "Riley", v1.ETag, Rules, idempotencyKey: "first");

        var second = await here.SubmitAsync(Cycle, Consultee, "Riley", v1.ETag, Rules, Content("changed my mind"), "second", read);

        Assert.Equal((ResponseOutcomeKind.Submitted, ResponseOutcomeKind.AlreadySubmitted), (first.Kind, second.Kind));
        var stored = (await elsewhere.GetAsync(Cycle, Consultee))!;
        Assert.Equal(("v1", first.Response!.ETag), (stored.Content.Comments, stored.ETag));
        Assert.Empty(await here.ListDraftsAsync(Cycle, Consultee));
    }

    [Fact]
    public async Task Saving_a_submitted_response_is_already_submitted_without_a_write()
    {
        var (table, calls) = await TestTables.CreateCountedAsync("resp");
        var store = new ResponseStore(table, Clock);
        var v1 = (await store.SaveAsync(Cycle, Consultee, Content("v1"), "Riley", null, Rules)).Response!;
        var sent = (await store.SubmitAsync(Cycle, Consultee, "Riley", v1.ETag, Rules)).Response!;
        var read = new ResponseRead(await store.GetAsync(Cycle, Consultee));
        calls.Clear();

        var again = await store.SaveAsync(Cycle, Consultee, Content("after sending"), "Riley", v1.ETag, Rules, read);

        Assert.Equal(ResponseOutcomeKind.AlreadySubmitted, again.Kind);
        Assert.Equal(sent.ETag, again.Response!.ETag);
        Assert.Empty(calls.All); // the request's read is enough: a submission is final
    }
}
