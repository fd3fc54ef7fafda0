using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Drafting;
using static ReviewWorkflow.Workflow.Tests.Drafting.DraftingSetup;

namespace ReviewWorkflow.Workflow.Tests.Drafting;

/// <summary>The director's sign-off: approved ends the round; declined waits for a revised draft with the comments shown.</summary>
public class DraftingSignOffTests
{
    private static (DraftingStage Stage, DraftingState State) Submitted()
    {
        var stage = Stage(SendAt(3, 1));
        return (stage, stage.Apply(stage.Start("drafting-1", SendAt(3, 1)), Submit("1.0", "draft-1"), SendAt(3, 8)).State);
    }

    [Fact]
    public void An_approved_sign_off_ends_the_round_signed_off_by_the_director()
    {
        var (stage, state) = Submitted();
        var step = stage.Apply(state, SignOff(approved: true, "sign-1"), SendAt(3, 9));

        Assert.IsType<RecordApplied>(Assert.Single(step.Effects));
        Assert.True(step.State.Done);
        var result = DraftingStage.Result(step.State, DraftingStage.Final(step.State, SendAt(3, 9)), SendAt(3, 9));
        Assert.Equal("director@council.example", result.SignedOffBy);
        Assert.True(result.Status.DraftSignedOff);
        Assert.False(result.Status.AwaitingSignOff);
    }

    [Fact]
    public void A_declined_sign_off_waits_for_a_revised_draft_showing_the_directors_comments()
    {
        var (stage, state) = Submitted();
        var step = stage.Apply(state, SignOff(approved: false, "sign-1", "Say more about placements."), SendAt(3, 9));

        Assert.IsType<RecordApplied>(Assert.Single(step.Effects));
        Assert.False(step.State.Done);
        Assert.Null(step.State.Draft);
        Assert.Equal("Say more about placements.", step.State.Status.ReferredBackComments);
        Assert.Equal("The draft is due on 12 March 2027", stage.Shown(step.State, SendAt(3, 9)).NextDeadline?.What);

        var revised = stage.Apply(step.State, Submit("1.1", "draft-2"), SendAt(3, 10));
        Assert.Equal("sign-off-request/cic-2027/d1/draft-2", Notice(revised.Effects[1]).IdempotencyKey);
    }

    [Fact]
    public void A_sign_off_with_no_draft_waiting_is_refused()
    {
        var stage = Stage(SendAt(3, 1));
        var step = stage.Apply(stage.Start("drafting-1", SendAt(3, 1)), SignOff(approved: true, "sign-1"), SendAt(3, 2));

        Assert.Equal("There is no draft waiting for sign-off.", Assert.IsType<RecordRefusal>(Assert.Single(step.Effects)).Reason);
        Assert.False(step.State.Done);
    }
}
