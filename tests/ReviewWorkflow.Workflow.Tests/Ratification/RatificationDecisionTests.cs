using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Ratification;
using static ReviewWorkflow.Workflow.Tests.Ratification.RatificationSetup;

namespace ReviewWorkflow.Workflow.Tests.Ratification;

/// <summary>The clerk's decisions, body by body: the report moves on, or ratification ends adopted, referred back or rejected.</summary>
public class RatificationDecisionTests
{
    [Fact]
    public void A_recommendation_moves_the_report_to_the_next_body_and_audits_the_route_after_recording_it()
    {
        var stage = Stage(SendAt(3, 12));
        var step = Apply(stage, stage.Start(), Decide("dec-1", Panel, D(3, 30), DecisionOutcome.Recommend), SendAt(3, 31));

        Assert.Collection(step.Effects,
            e => Assert.IsType<RecordApplied>(e),
            e =>
            {
                var audit = Assert.IsType<RecordAudit>(e);
                Assert.Equal((AuditActions.RouteAdvanced, "Cabinet", "route-advanced/ratification-1/dec-1"), (audit.Action, audit.Subject, audit.Key));
                Assert.Equal(Panel, audit.Details!["from"]);
                Assert.Equal("recommend", audit.Details["outcome"]);
            });
        Assert.Equal(1, step.State.Index);
        Assert.False(RatificationStage.Ended(step.State));
        Assert.Equal("Cabinet", stage.Shown(step.State, SendAt(3, 31)).CurrentBody);
    }

    [Fact]
    public void Three_bodies_in_turn_end_adopted_at_council_with_every_decision_kept()
    {
        var stage = Stage(SendAt(3, 12));
        var state = Apply(stage, stage.Start(), Decide("dec-1", Panel, D(3, 30), DecisionOutcome.Recommend), SendAt(3, 31)).State;
        state = Apply(stage, state, Decide("dec-2", "Cabinet", D(4, 20), DecisionOutcome.Recommend), SendAt(4, 21)).State;
        var last = Apply(stage, state, Decide("dec-3", "Council", D(5, 10), DecisionOutcome.Adopt), SendAt(5, 11));

        Assert.IsType<RecordApplied>(Assert.Single(last.Effects));
        var result = RatificationStage.Result(last.State, RatificationStage.Final(last.State, SendAt(5, 11)), SendAt(5, 11));
        Assert.Equal((RatificationOutcome.Adopted, 2, "Council"), (result.Outcome, result.BodyIndex, result.Decision.Body));
        Assert.Equal([Panel, "Cabinet", "Council"], result.Status.Decisions.Select(d => d.Body));
    }

    [Fact]
    public void A_refer_back_ends_ratification_at_that_body_with_its_comments()
    {
        var stage = Stage(SendAt(3, 12));
        var state = Apply(stage, stage.Start(), Decide("dec-1", Panel, D(3, 30), DecisionOutcome.Recommend), SendAt(3, 31)).State;
        var step = Apply(stage, state, Decide("dec-2", "Cabinet", D(4, 20), DecisionOutcome.ReferBack, comments: "Add a housing pledge."), SendAt(4, 21));

        var result = RatificationStage.Result(step.State, RatificationStage.Final(step.State, SendAt(4, 21)), SendAt(4, 21));
        Assert.Equal((RatificationOutcome.ReferredBack, 1, "Add a housing pledge."), (result.Outcome, result.BodyIndex, result.Decision.Comments));
    }

    [Fact]
    public void A_rejection_ends_ratification_rejected()
    {
        var stage = Stage(SendAt(3, 12));
        var step = Apply(stage, stage.Start(), Decide("dec-1", Panel, D(3, 30), DecisionOutcome.Reject), SendAt(3, 31));

        Assert.Equal(RatificationOutcome.Rejected, step.State.Outcome);
        Assert.IsType<RecordApplied>(Assert.Single(step.Effects));
    }

    [Fact]
    public void A_deferral_moves_the_bodys_meeting_and_audits_the_move_and_the_report_stays_with_it()
    {
        var stage = Stage(SendAt(3, 12));
        var step = Apply(stage, stage.Start(), Decide("dec-1", Panel, D(3, 30), DecisionOutcome.Defer, newDate: D(4, 13)), SendAt(3, 31));

        var audit = Assert.IsType<RecordAudit>(step.Effects[1]);
        Assert.Equal((AuditActions.MeetingDeferred, Panel, "deferred/ratification-1/dec-1"), (audit.Action, audit.Subject, audit.Key));
        Assert.Equal(("2027-03-30", "2027-04-13"), (audit.Details!["from"], audit.Details["to"]));
        Assert.Equal((0, D(4, 13)), (step.State.Index, step.State.Route[0].MeetingDate));
        Assert.Null(step.State.Outcome);
        Assert.Equal("Publish the report for Corporate Parenting Panel (13 April 2027)", stage.Shown(step.State, SendAt(4, 1)).NextDeadline?.What);
    }

    [Fact]
    public void A_decision_from_a_later_body_is_refused_and_changes_nothing()
    {
        var stage = Stage(SendAt(3, 12));
        var step = Apply(stage, stage.Start(), Decide("dec-1", "Cabinet", D(4, 20), DecisionOutcome.Recommend), SendAt(4, 21));

        var refusal = Assert.IsType<RecordRefusal>(Assert.Single(step.Effects));
        Assert.Equal("The report is with Corporate Parenting Panel (30 March 2027); record its decision first. Cabinet comes later on the route.", refusal.Reason);
        Assert.Equal(0, step.State.Index);
        Assert.Empty(step.State.Decisions);
    }

    [Fact]
    public void A_decision_before_the_meeting_is_refused()
    {
        var stage = Stage(SendAt(3, 12));
        var step = Apply(stage, stage.Start(), Decide("dec-1", Panel, D(3, 30), DecisionOutcome.Recommend), SendAt(3, 29));

        Assert.Equal("The Corporate Parenting Panel meeting on 30 March 2027 has not happened yet; record the decision after the meeting.",
            Assert.IsType<RecordRefusal>(Assert.Single(step.Effects)).Reason);
    }

    [Fact]
    public void A_command_of_another_stage_is_refused_naming_the_body_the_report_is_with()
    {
        var stage = Stage(SendAt(3, 12));
        var step = Apply(stage, stage.Start(), new WorkflowCommand { Id = "draft-9", Kind = CommandKind.SubmitDraft }, SendAt(3, 20));

        Assert.Equal("The report is with Corporate Parenting Panel for a decision; SubmitDraft is not possible now.", Assert.IsType<RecordRefusal>(Assert.Single(step.Effects)).Reason);
    }
}
