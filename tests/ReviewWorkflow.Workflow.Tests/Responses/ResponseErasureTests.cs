using Azure.Data.Tables;
using ReviewWorkflow.Workflow.Responses;
using ReviewWorkflow.Workflow.Tests.Fixtures;

namespace ReviewWorkflow.Workflow.Tests.Responses;

/// <summary>Issue 15, point 4: erasing a response keeps views and status for the counts, removes words and names, and
/// is safe while the form is open — a save or submission racing the erasure (read before it, written after) is
/// refused and leaves nothing behind, not even a kept-aside draft.</summary>
public class ResponseErasureTests : ResponseStoreTestBase
{
    private const string Words = "Kept private by Avery Fictional";

    private async Task<(TableClient Table, ResponseStore Here, ResponseStore Elsewhere)> TwoProcessesAsync()
    {
        var table = await TestTables.CreateAsync("resp");
        return (table, new ResponseStore(table, Clock), new ResponseStore(table, Clock));
    }

    private static async Task<string> EverythingAsync(TableClient table)
    {
        var text = new System.Text.StringBuilder();
        await foreach (var row in table.QueryAsync<TableEntity>())
        {
            foreach (var (_, value) in row)
            {
                text.Append(value).Append('\n');
            }
        }

        return text.ToString();
    }

    [Fact]
    public async Task Erasure_keeps_views_and_status_and_removes_words_names_and_drafts()
    {
        var (table, here, elsewhere) = await TwoProcessesAsync();
        var v1 = (await here.SaveAsync(Cycle, Consultee, Content(Words, (1, PledgeView.Agree, Words)), "Avery Fictional", null, Rules)).Response!;
        await elsewhere.SaveAsync(Cycle, Consultee, Content("other", (1, PledgeView.Agree, "other")), "Avery Fictional", v1.ETag, Rules);
        await here.SaveAsync(Cycle, Consultee, Content(Words + " again"), "Avery Fictional", v1.ETag, Rules); // a conflict: a draft kept aside
        await elsewhere.SubmitAsync(Cycle, Consultee, "Avery Fictional", (await elsewhere.GetAsync(Cycle, Consultee))!.ETag, Rules);

        var changed = await here.EraseAsync(Cycle, Consultee, "Consultee 4");

        Assert.Equal(2, changed); // the response and the draft
        var erased = (await here.GetAsync(Cycle, Consultee))!;
        Assert.True(erased.Erased);
        Assert.Equal(ResponseStatus.Submitted, erased.Status);
        Assert.Equal(PledgeView.Agree, Assert.Single(erased.Content.Answers).View);
        Assert.Null(erased.Content.Comments);
        Assert.Equal("Consultee 4", erased.SubmittedBy);
        Assert.Empty(await here.ListDraftsAsync(Cycle, Consultee));
        var stored = await EverythingAsync(table);
        Assert.DoesNotContain("Avery", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(Words, stored, StringComparison.Ordinal);
        Assert.Equal(0, await here.EraseAsync(Cycle, Consultee, "Consultee 4"));
    }

    [Fact]
    public async Task A_save_read_before_the_erasure_and_written_after_it_is_refused_and_keeps_nothing()
    {
        var (table, here, elsewhere) = await TwoProcessesAsync();
        var v1 = (await here.SaveAsync(Cycle, Consultee, Content("first"), "Avery Fictional", null, Rules)).Response!;
        var read = new ResponseRead(await here.GetAsync(Cycle, Consultee));

        await elsewhere.EraseAsync(Cycle, Consultee, "Consultee 4");
        var save = await here.SaveAsync(Cycle, Consultee, Content(Words), "Avery Fictional", v1.ETag, Rules, read);
        var submit = await here.SubmitAsync(Cycle, Consultee, "Avery Fictional", v1.ETag, Rules, Content(Words), read: read);

        Assert.Equal((ResponseOutcomeKind.Closed, ResponseOutcomeKind.Closed), (save.Kind, submit.Kind));
        Assert.Empty(await here.ListDraftsAsync(Cycle, Consultee));
        Assert.DoesNotContain(Words, await EverythingAsync(table), StringComparison.Ordinal);
        Assert.DoesNotContain("Avery", await EverythingAsync(table), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_first_save_racing_the_erasure_of_a_never_saved_response_is_refused()
    {
        var (table, here, elsewhere) = await TwoProcessesAsync();
        var read = new ResponseRead(await here.GetAsync(Cycle, Consultee)); // nothing saved yet

        await elsewhere.EraseAsync(Cycle, Consultee, "Consultee 4");
        var save = await here.SaveAsync(Cycle, Consultee, Content(Words), "Avery Fictional", null, Rules, read);

        Assert.Equal(ResponseOutcomeKind.Closed, save.Kind);
        var tombstone = (await here.GetAsync(Cycle, Consultee))!;
        Assert.Equal((true, ResponseStatus.NotStarted), (tombstone.Erased, tombstone.Status));
        Assert.DoesNotContain(Words, await EverythingAsync(table), StringComparison.Ordinal);
    }
}
