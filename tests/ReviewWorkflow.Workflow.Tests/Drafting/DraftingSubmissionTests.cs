using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Drafting;
using ReviewWorkflow.Workflow.Tests.Fixtures;
using ReviewWorkflow.Workflow.Validation;
using static ReviewWorkflow.Workflow.Tests.Drafting.DraftingSetup;

namespace ReviewWorkflow.Workflow.Tests.Drafting;

/// <summary>The lead submits a draft: sign-off is asked for when the cycle names a director, otherwise the draft is accepted.</summary>
public class DraftingSubmissionTests
{
    [Fact]
    public void A_valid_draft_is_recorded_then_the_director_is_asked_to_sign_it_off_and_the_round_waits()
    {
        var stage = Stage(SendAt(3, 1));
        var step = stage.Apply(stage.Start("drafting-1", SendAt(3, 1)), Submit("1.0", "draft-1"), SendAt(3, 8));

        Assert.Collection(step.Effects,
            e => Assert.IsType<RecordApplied>(e),
            e =>
            {
                var notice = Notice(e);
                Assert.Equal((NoticeKind.SignOffRequest, "director@council.example"), (notice.Kind, notice.To.Email));
                Assert.Equal("sign-off-request/cic-2027/d1/draft-1", notice.IdempotencyKey);
                Assert.Equal("1.0", notice.DraftVersion);
            });
        Assert.False(step.State.Done);
        Assert.True(step.State.Status.AwaitingSignOff);
        Assert.Equal("Sign-off by Director Example of draft 1.0", stage.Shown(step.State, SendAt(3, 8)).NextDeadline?.What);
    }

    [Fact]
    public void Without_a_director_a_valid_draft_ends_the_round_with_no_sign_off()
    {
        var start = SendAt(3, 1);
        var stage = Stage(start, RutlandLikeCycle.Definition with { DirectorSignOff = null });
        var step = stage.Apply(stage.Start("drafting-1", start), Submit("1.0", "draft-1"), SendAt(3, 8));

        Assert.IsType<RecordApplied>(Assert.Single(step.Effects));
        Assert.True(step.State.Done);
        var result = DraftingStage.Result(step.State, DraftingStage.Final(step.State, SendAt(3, 8)), SendAt(3, 8));
        Assert.Equal(("1.0", "lead@council.example", (string?)null), (result.Draft.Version, result.SubmittedBy, result.SignedOffBy));
        Assert.False(result.Status.AwaitingSignOff);
    }

    [Fact]
    public void An_incomplete_draft_is_refused_with_the_validators_first_message_and_nothing_changes()
    {
        var stage = Stage(SendAt(3, 1));
        var command = Submit("1.0", "draft-1") with { Draft = CycleSteps.Draft("1.0") with { DocumentUrl = "not a link" } };
        var step = stage.Apply(stage.Start("drafting-1", SendAt(3, 1)), command, SendAt(3, 8));

        var refusal = Assert.IsType<RecordRefusal>(Assert.Single(step.Effects));
        Assert.Equal(DraftValidator.Validate(command.Draft!)[0].Message, refusal.Reason);
        Assert.Contains("https://", refusal.Reason, StringComparison.Ordinal);
        Assert.Null(step.State.Draft);
    }

    [Fact]
    public void A_command_of_another_stage_is_refused_naming_the_stage()
    {
        var stage = Stage(SendAt(3, 1));
        var step = stage.Apply(stage.Start("drafting-1", SendAt(3, 1)), new WorkflowCommand { Id = "close-1", Kind = CommandKind.CloseConsultation }, SendAt(3, 2));

        Assert.Equal("The cycle is in drafting; CloseConsultation is not possible now.", Assert.IsType<RecordRefusal>(Assert.Single(step.Effects)).Reason);
    }
}
