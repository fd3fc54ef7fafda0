using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Validation;

namespace ReviewWorkflow.Workflow.Tests.Validation;

/// <summary>Issue 17, point 2: a route stays in order. A body meets after the previous body's decision (or meeting,
/// before it decides) and before the next body's meeting; a decision is never dated before the previous body's.</summary>
public sealed class RouteOrderTests
{
    private static readonly DateOnly Today = new(2027, 3, 31);

    private static readonly List<RouteStep> Route =
    [
        new() { Body = "Corporate Parenting Panel", MeetingDate = new(2027, 3, 30) },
        new() { Body = "Cabinet", MeetingDate = new(2027, 4, 20), KeyDecision = true },
        new() { Body = "Council", MeetingDate = new(2027, 5, 10) },
    ];

    [Fact]
    public void Re_dating_the_panel_after_cabinet_is_refused_naming_both_bodies_and_dates()
    {
        var error = Assert.Single(RouteOrder.MeetingChange(Route, 0, "Corporate Parenting Panel", new(2027, 4, 27), Today, []));

        Assert.Equal("meetingDate", error.Field);
        Assert.Contains("Corporate Parenting Panel", error.Message);
        Assert.Contains("Cabinet", error.Message);
        Assert.Contains("20 April 2027", error.Message);
        Assert.Contains("27 April 2027", error.Message);
    }

    [Fact]
    public void Re_dating_cabinet_before_the_panel_s_decision_is_refused()
    {
        DecisionSummary[] decided = [new("Corporate Parenting Panel", new(2027, 4, 6), DecisionOutcome.Endorse, "CPP/1", null, null)];
        var route = Route.Select(r => r).ToList();
        route[0] = route[0] with { MeetingDate = new(2027, 4, 6) };

        var error = Assert.Single(RouteOrder.MeetingChange(route, 1, "Cabinet", new(2027, 4, 5), new(2027, 4, 1), decided));

        Assert.Contains("Corporate Parenting Panel", error.Message);
        Assert.Contains("6 April 2027", error.Message);
    }

    [Fact]
    public void A_later_body_may_be_re_dated_first_so_an_earlier_one_can_then_move_after_it()
    {
        Assert.Empty(RouteOrder.MeetingChange(Route, 0, "Council", new(2027, 6, 14), Today, []));
        Assert.Equal(2, RouteOrder.IndexOf(Route, 0, "council"));
        Assert.Equal(-1, RouteOrder.IndexOf(Route, 1, "Corporate Parenting Panel"));
        Assert.NotEmpty(RouteOrder.MeetingChange(Route, 1, "Corporate Parenting Panel", new(2027, 4, 2), Today, []));
    }

    [Fact]
    public void A_deferral_past_the_next_body_s_meeting_is_refused_by_the_decision_validator()
    {
        var deferral = new CommitteeDecision
        {
            Body = "Corporate Parenting Panel", MeetingDate = new(2027, 3, 30), Outcome = DecisionOutcome.Defer, MinuteReference = "CPP/9",
            Resolution = "Deferred.", NewMeetingDate = new(2027, 4, 21),
        };

        var errors = DecisionValidator.Validate(Route, 0, deferral, Today, []);

        var error = Assert.Single(errors, e => e.Field == "newMeetingDate");
        Assert.Contains("Cabinet", error.Message);
        Assert.Contains("20 April 2027", error.Message);
    }

    [Fact]
    public void A_decision_dated_before_the_previous_body_s_decision_is_refused()
    {
        // An out-of-order route (from before this rule): Cabinet dated 5 April, the Panel decided on 6 April.
        var route = Route.Select(r => r).ToList();
        route[1] = route[1] with { MeetingDate = new(2027, 4, 5) };
        DecisionSummary[] decided = [new("Corporate Parenting Panel", new(2027, 4, 6), DecisionOutcome.Endorse, "CPP/1", null, null)];
        var decision = new CommitteeDecision
        {
            Body = "Cabinet", MeetingDate = new(2027, 4, 5), Outcome = DecisionOutcome.Approve, MinuteReference = "CAB/1", Resolution = "Approved.",
        };

        var errors = DecisionValidator.Validate(route, 1, decision, new(2027, 4, 7), decided);

        var error = Assert.Single(errors, e => e.Field == "meetingDate");
        Assert.Contains("Corporate Parenting Panel", error.Message);
        Assert.Contains("6 April 2027", error.Message);
    }
}
