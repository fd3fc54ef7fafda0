using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Workflow.Tests.Responses;

public class ResponseContributorsTests : ResponseStoreTestBase
{
    [Fact]
    public async Task TwoColleaguesFromOnePartner_SavingAtOnce_OneSavesOneSeesBothVersions_ThenTheyMerge()
    {
        var store = await StoreAsync();
        var start = (await store.SaveAsync(Cycle, Consultee, Content("Health response"), "Dr Avery Test", null, Rules)).Response!;
        var avery = Content("Health response", (3, PledgeView.Agree, "Health assessments on time"));
        var blair = Content("Health response", (6, PledgeView.Partly, "Contact with siblings"));

        var outcomes = await Task.WhenAll(
            Task.Run(() => store.SaveAsync(Cycle, Consultee, avery, "Dr Avery Test", start.ETag, Rules)),
            Task.Run(() => store.SaveAsync(Cycle, Consultee, blair, "Nurse Blair Test", start.ETag, Rules)));

        var saved = Assert.Single(outcomes, o => o.Kind == ResponseOutcomeKind.Saved);
        var conflicted = Assert.Single(outcomes, o => o.Kind == ResponseOutcomeKind.Conflict);
        Assert.True(conflicted.Conflict!.Stored.Content.SameAs(saved.Response!.Content));
        Assert.False(conflicted.Conflict.Attempted.SameAs(saved.Response.Content));
        Assert.Single(await store.ListDraftsAsync(Cycle, Consultee));

        // The one who lost the race keeps both answers and saves on top of the stored version.
        var merged = new ResponseContent
        {
            Comments = "Health response",
            Answers = [.. conflicted.Conflict.Stored.Content.Answers, .. conflicted.Conflict.Attempted.Answers],
        };
        var final = await store.SaveAsync(Cycle, Consultee, merged, conflicted.Conflict.AttemptedBy, conflicted.Conflict.Stored.ETag, Rules);

        Assert.Equal(ResponseOutcomeKind.Saved, final.Kind);
        var stored = (await store.GetAsync(Cycle, Consultee))!;
        Assert.Equal([3, 6], stored.Content.Answers.Select(a => a.Pledge).Order());
        Assert.Equal(["Dr Avery Test", "Nurse Blair Test"], stored.Contributors.Select(c => c.Name).Order());
        Assert.Equal(3, stored.Version);
    }

    [Fact]
    public async Task TwoFirstSavesAtOnce_NeitherIsLost()
    {
        var store = await StoreAsync();
        var outcomes = await Task.WhenAll(
            Task.Run(() => store.SaveAsync(Cycle, Consultee, Content("from PC Drew"), "PC Drew Test", null, Rules)),
            Task.Run(() => store.SaveAsync(Cycle, Consultee, Content("from Sgt Example"), "Sgt Example", null, Rules)));

        Assert.Single(outcomes, o => o.Kind == ResponseOutcomeKind.Saved);
        var conflict = Assert.Single(outcomes, o => o.Kind == ResponseOutcomeKind.Conflict).Conflict!;
        var draft = Assert.Single(await store.ListDraftsAsync(Cycle, Consultee));
        Assert.Equal(conflict.Attempted.Comments, draft.Content.Comments);
    }
}
