using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Workflow.Tests.Responses;

public class ResponseSaveTests : ResponseStoreTestBase
{
    [Fact]
    public async Task Get_BeforeAnySave_IsNull()
    {
        var store = await StoreAsync();
        Assert.Null(await store.GetAsync(Cycle, Consultee));
    }

    [Fact]
    public async Task Save_ThenComeBackAndSaveAgain_KeepsTheLatestWithVersionAndTimes()
    {
        var store = await StoreAsync();
        var first = await store.SaveAsync(Cycle, Consultee, Content("Started", (1, PledgeView.Agree, null)), "Pat Carer", null, Rules);
        Assert.Equal(ResponseOutcomeKind.Saved, first.Kind);
        Clock.Advance(TimeSpan.FromDays(2));

        var second = await store.SaveAsync(Cycle, Consultee, Content("Finished", (1, PledgeView.Agree, null), (2, PledgeView.Partly, "More stable placements")), "Pat Carer", first.Response!.ETag, Rules);

        Assert.Equal(ResponseOutcomeKind.Saved, second.Kind);
        var stored = (await store.GetAsync(Cycle, Consultee))!;
        Assert.Equal(ResponseStatus.InProgress, stored.Status);
        Assert.Equal(2, stored.Version);
        Assert.Equal(second.Response!.ETag, stored.ETag);
        Assert.True(stored.Content.SameAs(Content("Finished", (1, PledgeView.Agree, null), (2, PledgeView.Partly, "More stable placements"))));
        Assert.Equal(new DateTimeOffset(2027, 2, 1, 10, 0, 0, TimeSpan.Zero), stored.StartedAt);
        Assert.Equal(new DateTimeOffset(2027, 2, 3, 10, 0, 0, TimeSpan.Zero), stored.UpdatedAt);
        var contributor = Assert.Single(stored.Contributors);
        Assert.Equal(("Pat Carer", 2), (contributor.Name, contributor.Saves));
    }

    [Fact]
    public async Task Save_FromAnOlderVersion_IsAConflictWithBothVersions_AndKeepsTheAttemptAsADraft()
    {
        var store = await StoreAsync();
        var v1 = (await store.SaveAsync(Cycle, Consultee, Content("v1"), "Dr Avery Test", null, Rules)).Response!;
        var v2 = (await store.SaveAsync(Cycle, Consultee, Content("v2 by Avery"), "Dr Avery Test", v1.ETag, Rules)).Response!;

        var stale = await store.SaveAsync(Cycle, Consultee, Content("v2 by Blair", (3, PledgeView.Disagree, "School moves")), "Nurse Blair Test", v1.ETag, Rules);

        Assert.Equal(ResponseOutcomeKind.Conflict, stale.Kind);
        var conflict = stale.Conflict!;
        Assert.Equal("v2 by Avery", conflict.Stored.Content.Comments);
        Assert.Equal(v2.ETag, conflict.Stored.ETag);
        Assert.Equal("v2 by Blair", conflict.Attempted.Comments);
        Assert.Equal("Nurse Blair Test", conflict.AttemptedBy);
        Assert.StartsWith("Dr Avery Test saved this response while you were working on it.", stale.Message, StringComparison.Ordinal);
        Assert.Equal("v2 by Avery", (await store.GetAsync(Cycle, Consultee))!.Content.Comments);
        var draft = Assert.Single(await store.ListDraftsAsync(Cycle, Consultee));
        Assert.Equal((conflict.DraftId, "conflict", "Nurse Blair Test"), (draft.Id, draft.Reason, draft.Contributor));
        Assert.True(draft.Content.SameAs(conflict.Attempted));
    }

    [Fact]
    public async Task Save_WithAReadTakenBeforeSomeoneElseSaved_IsAConflict_NotAnOverwrite()
    {
        var store = await StoreAsync();
        var v1 = (await store.SaveAsync(Cycle, Consultee, Content("v1"), "Dr Avery Test", null, Rules)).Response!;
        var read = new ResponseRead(await store.GetAsync(Cycle, Consultee)); // the request read v1 ...
        await store.SaveAsync(Cycle, Consultee, Content("v2 by Avery"), "Dr Avery Test", v1.ETag, Rules); // ... then Avery saved

        var late = await store.SaveAsync(Cycle, Consultee, Content("v2 by Blair"), "Nurse Blair Test", v1.ETag, Rules, read);

        Assert.Equal(ResponseOutcomeKind.Conflict, late.Kind);
        Assert.Equal("v2 by Avery", late.Conflict!.Stored.Content.Comments); // decided on a fresh read, not the early one
        Assert.Equal("v2 by Avery", (await store.GetAsync(Cycle, Consultee))!.Content.Comments);
        Assert.Equal("v2 by Blair", Assert.Single(await store.ListDraftsAsync(Cycle, Consultee)).Content.Comments);
    }

    [Fact]
    public async Task Submit_WithAReadTakenBeforeAnotherSubmission_IsAlreadySubmitted_AndChangesNothing()
    {
        var store = await StoreAsync();
        var v1 = (await store.SaveAsync(Cycle, Consultee, Content("v1"), "Riley", null, Rules)).Response!;
        var read = new ResponseRead(v1);
        var first = await store.SubmitAsync(Cycle, Consultee, "Riley", v1.ETag, Rules, idempotencyKey: "first");

        var second = await store.SubmitAsync(Cycle, Consultee, "Riley", v1.ETag, Rules, Content("other"), "second", read);

        Assert.Equal(ResponseOutcomeKind.Submitted, first.Kind);
        Assert.Equal(ResponseOutcomeKind.AlreadySubmitted, second.Kind);
        var stored = (await store.GetAsync(Cycle, Consultee))!;
        Assert.Equal(("v1", first.Response!.ETag), (stored.Content.Comments, stored.ETag));
    }

    [Fact]
    public async Task Save_FirstVersionWithoutETag_WhenOneExists_IsAConflict()
    {
        var store = await StoreAsync();
        await store.SaveAsync(Cycle, Consultee, Content("first"), "Riley", null, Rules);
        var outcome = await store.SaveAsync(Cycle, Consultee, Content("second, from a fresh page"), "Riley", null, Rules);
        Assert.Equal(ResponseOutcomeKind.Conflict, outcome.Kind);
    }

    [Fact]
    public async Task Save_RetriedWithTheSameContent_Succeeds_WithoutAConflict()
    {
        var store = await StoreAsync();
        var content = Content("same", (4, PledgeView.DontKnow, null));
        var first = await store.SaveAsync(Cycle, Consultee, content, "Casey", null, Rules);
        var retried = await store.SaveAsync(Cycle, Consultee, content, "Casey", null, Rules);
        Assert.Equal(ResponseOutcomeKind.Saved, retried.Kind);
        Assert.Equal(first.Response!.ETag, retried.Response!.ETag);
        Assert.Empty(await store.ListDraftsAsync(Cycle, Consultee));
    }

    [Fact]
    public async Task Save_InvalidContent_SaysWhatToFix_AndStoresNothing()
    {
        var store = await StoreAsync();
        var content = Content(new string('g', 10_001), (1, PledgeView.Agree, new string('c', 5_001)), (7, PledgeView.Agree, null), (1, PledgeView.Disagree, null));

        var outcome = await store.SaveAsync(Cycle, Consultee, content, "", null, Rules);

        Assert.Equal(ResponseOutcomeKind.Invalid, outcome.Kind);
        Assert.Equal(["contributor", "answers[0].comment", "answers[1].pledge", "answers[2].pledge", "comments"], outcome.Errors!.Select(e => e.Field));
        Assert.Equal("Shorten your comment on pledge 1 to 5,000 characters or fewer (it has 5,001).", outcome.Errors![1].Message);
        Assert.Equal("Choose a pledge from 1 to 6 (this answer is for 7).", outcome.Errors![2].Message);
        Assert.Equal("Pledge 1 is answered twice; keep one answer per pledge.", outcome.Errors![3].Message);
        Assert.Null(await store.GetAsync(Cycle, Consultee));
    }

    [Fact]
    public async Task Save_FiftyLongAnswers_RoundTrip()
    {
        var store = await StoreAsync();
        var rules = Rules with { PledgeCount = 50 };
        var content = new ResponseContent
        {
            Comments = new string('g', 10_000),
            Answers = Enumerable.Range(1, 50).Select(i => new PledgeAnswer { Pledge = i, View = (PledgeView)(i % 4), Comment = new string((char)('a' + (i % 26)), 5_000) }).ToList(),
        };

        Assert.Equal(ResponseOutcomeKind.Saved, (await store.SaveAsync(Cycle, Consultee, content, "Eden Test", null, rules)).Kind);

        Assert.True((await store.GetAsync(Cycle, Consultee))!.Content.SameAs(content));
    }

    [Fact]
    public async Task List_ReturnsResponsesButNotDrafts()
    {
        var store = await StoreAsync();
        await store.SaveAsync(Cycle, "c-a", Content("a"), "A", null, Rules);
        await store.SaveAsync(Cycle, "c-b", Content("b"), "B", null, Rules);
        await store.SaveAsync(Cycle, "c-b", Content("b, stale"), "B2", null, Rules);
        await store.SaveAsync("other-cycle", "c-c", Content("c"), "C", null, Rules);

        var list = await store.ListAsync(Cycle);

        Assert.Equal(["c-a", "c-b"], list.Select(r => r.ConsulteeId).Order());
        Assert.Single(await store.ListDraftsAsync(Cycle, "c-b"));
    }
}
