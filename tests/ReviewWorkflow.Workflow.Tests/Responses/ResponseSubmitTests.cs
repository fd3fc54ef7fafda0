using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Workflow.Tests.Responses;

public class ResponseSubmitTests : ResponseStoreTestBase
{
    [Fact]
    public async Task Submit_TheSavedVersion_MarksItSubmitted()
    {
        var store = await StoreAsync();
        var saved = (await store.SaveAsync(Cycle, Consultee, Content("All good", (1, PledgeView.Agree, null)), "Riley", null, Rules)).Response!;
        Clock.Advance(TimeSpan.FromHours(1));

        var outcome = await store.SubmitAsync(Cycle, Consultee, "Riley", saved.ETag, Rules);

        Assert.Equal(ResponseOutcomeKind.Submitted, outcome.Kind);
        var stored = (await store.GetAsync(Cycle, Consultee))!;
        Assert.Equal(ResponseStatus.Submitted, stored.Status);
        Assert.True(stored.Submitted);
        Assert.False(stored.Late);
        Assert.Equal("Riley", stored.SubmittedBy);
        Assert.Equal(new DateTimeOffset(2027, 2, 1, 11, 0, 0, TimeSpan.Zero), stored.SubmittedAt);
        Assert.Equal("All good", stored.Content.Comments);
    }

    [Fact]
    public async Task Submit_Twice_IsRefusedClearly_AndChangesNothing()
    {
        var store = await StoreAsync();
        var first = await store.SubmitAsync(Cycle, Consultee, "Casey", null, Rules, Content("Final answer"));
        var before = (await store.GetAsync(Cycle, Consultee))!;
        Clock.Advance(TimeSpan.FromDays(1));

        var again = await store.SubmitAsync(Cycle, Consultee, "Casey", first.Response!.ETag, Rules, Content("Changed my mind"));
        var save = await store.SaveAsync(Cycle, Consultee, Content("Changed my mind"), "Casey", first.Response.ETag, Rules);

        Assert.Equal(ResponseOutcomeKind.AlreadySubmitted, again.Kind);
        Assert.Equal("This response was already submitted on 1 February 2027 and can no longer be changed. Contact the strategy lead if something needs correcting.", again.Message);
        Assert.Equal(ResponseOutcomeKind.AlreadySubmitted, save.Kind);
        var after = (await store.GetAsync(Cycle, Consultee))!;
        Assert.Equal((before.ETag, before.Version, "Final answer"), (after.ETag, after.Version, after.Content.Comments));
    }

    [Fact]
    public async Task Submit_RepeatedWithTheSameIdempotencyKey_ReturnsTheFirstSubmission()
    {
        var store = await StoreAsync();
        var first = await store.SubmitAsync(Cycle, Consultee, "Morgan", null, Rules, Content("Yes"), idempotencyKey: "req-42");
        var repeat = await store.SubmitAsync(Cycle, Consultee, "Morgan", null, Rules, Content("Yes"), idempotencyKey: "req-42");
        var other = await store.SubmitAsync(Cycle, Consultee, "Morgan", null, Rules, Content("Yes"), idempotencyKey: "req-43");

        Assert.Equal(ResponseOutcomeKind.Submitted, first.Kind);
        Assert.Equal(ResponseOutcomeKind.Submitted, repeat.Kind);
        Assert.Equal(first.Response!.ETag, repeat.Response!.ETag);
        Assert.Equal(ResponseOutcomeKind.AlreadySubmitted, other.Kind);
    }

    [Fact]
    public async Task Submit_Empty_AsksForAnAnswer()
    {
        var store = await StoreAsync();
        var outcome = await store.SubmitAsync(Cycle, Consultee, "Jamie", null, Rules);
        Assert.Equal(ResponseOutcomeKind.Invalid, outcome.Kind);
        Assert.Equal("answers", Assert.Single(outcome.Errors!).Field);
        Assert.Null(await store.GetAsync(Cycle, Consultee));
    }

    [Fact]
    public async Task Submit_FromAStaleVersionWithDifferentContent_IsAConflict()
    {
        var store = await StoreAsync();
        var v1 = (await store.SaveAsync(Cycle, Consultee, Content("v1"), "Lee Carer", null, Rules)).Response!;
        await store.SaveAsync(Cycle, Consultee, Content("v2"), "Dana Carer", v1.ETag, Rules);

        var outcome = await store.SubmitAsync(Cycle, Consultee, "Lee Carer", v1.ETag, Rules, Content("v1 final"));

        Assert.Equal(ResponseOutcomeKind.Conflict, outcome.Kind);
        Assert.False((await store.GetAsync(Cycle, Consultee))!.Submitted);
    }

    [Fact]
    public async Task Submit_OnTheClosingDayLateEveningUk_IsOnTime_NextDayIsLateAndMarked()
    {
        var store = await StoreAsync();
        Clock.Set(new DateTimeOffset(2027, 2, 12, 23, 30, 0, TimeSpan.Zero));
        var onTime = await store.SubmitAsync(Cycle, "c-on-time", "Pat Carer", null, Rules, Content("On time"));
        Clock.Set(new DateTimeOffset(2027, 2, 13, 0, 30, 0, TimeSpan.Zero));
        var late = await store.SubmitAsync(Cycle, "c-late", "Chris Carer", null, Rules, Content("Late"));

        Assert.False(onTime.Response!.Late);
        Assert.Equal(ResponseOutcomeKind.Submitted, late.Kind);
        Assert.True((await store.GetAsync(Cycle, "c-late"))!.Late);
    }

    [Fact]
    public async Task Submit_InSummer_UsesBritishSummerTimeForTheClose()
    {
        var store = await StoreAsync();
        var rules = Rules with { Closes = new DateOnly(2027, 6, 30) };
        Clock.Set(new DateTimeOffset(2027, 6, 30, 23, 30, 0, TimeSpan.Zero)); // 00:30 on 1 July in London
        var outcome = await store.SubmitAsync(Cycle, Consultee, "Riley", null, rules, Content("Just after midnight"));
        Assert.True(outcome.Response!.Late);
    }

    [Fact]
    public async Task Submit_LateWhenTheCouncilRefuses_IsRefused_ButWhatWasWrittenIsKept()
    {
        var store = await StoreAsync();
        var saved = (await store.SaveAsync(Cycle, Consultee, Content("Nearly done"), "Jamie", null, Refusing)).Response!;
        Clock.Set(new DateTimeOffset(2027, 2, 15, 9, 0, 0, TimeSpan.Zero));

        var outcome = await store.SubmitAsync(Cycle, Consultee, "Jamie", saved.ETag, Refusing, Content("Done now"));

        Assert.Equal(ResponseOutcomeKind.Closed, outcome.Kind);
        Assert.Equal("This consultation closed on 12 February 2027, so your response could not be accepted. We have kept what you wrote; contact the strategy lead if you still want it considered.", outcome.Message);
        var stored = (await store.GetAsync(Cycle, Consultee))!;
        Assert.Equal((ResponseStatus.InProgress, "Nearly done"), (stored.Status, stored.Content.Comments));
        var draft = Assert.Single(await store.ListDraftsAsync(Cycle, Consultee));
        Assert.Equal(("late-refused", "Done now"), (draft.Reason, draft.Content.Comments));
    }

    [Fact]
    public async Task Submit_AfterTheLeadClosedEarly_FollowsTheLateRule()
    {
        var store = await StoreAsync();
        var outcome = await store.SubmitAsync(Cycle, Consultee, "Riley", null, Refusing with { ClosedEarly = true }, Content("Too late"));
        Assert.Equal(ResponseOutcomeKind.Closed, outcome.Kind);
        Assert.StartsWith("This consultation has closed", outcome.Message, StringComparison.Ordinal);
        Assert.Null(await store.GetAsync(Cycle, Consultee));
    }
}
