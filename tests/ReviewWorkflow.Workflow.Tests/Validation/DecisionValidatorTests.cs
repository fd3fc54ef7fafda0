using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Tests.Fixtures;
using ReviewWorkflow.Workflow.Validation;

namespace ReviewWorkflow.Workflow.Tests.Validation;

public class DecisionValidatorTests
{
    private static readonly IReadOnlyList<RouteStep> Route = RutlandLikeCycle.Definition.Route;
    private static readonly DateOnly AfterCabinet = new(2027, 4, 21);

    private static readonly CommitteeDecision CabinetRecommends = new()
    {
        Body = "Cabinet",
        MeetingDate = new DateOnly(2027, 4, 20),
        Outcome = DecisionOutcome.Recommend,
        AgendaItem = "7",
        MinuteReference = "CAB/2027/41",
        Resolution = "Cabinet recommends the Pledge to Council for adoption.",
    };

    private static IReadOnlyList<ValidationError> Validate(CommitteeDecision decision, int index = 1, DateOnly? today = null) =>
        DecisionValidator.Validate(Route, index, decision, today ?? AfterCabinet);

    [Fact]
    public void Validate_TheExpectedDecision_HasNoErrors() => Assert.Empty(Validate(CabinetRecommends));

    [Fact]
    public void Validate_BodyMatchesIgnoringCaseAndSpaces() => Assert.Empty(Validate(CabinetRecommends with { Body = " cabinet " }));

    [Fact]
    public void Validate_ALaterBody_IsRefusedAsOutOfOrder()
    {
        var error = Assert.Single(Validate(CabinetRecommends with { Body = "Council" }));
        Assert.Equal(new ValidationError("body", "The report is with Cabinet (20 April 2027); record its decision first. Council comes later on the route."), error);
    }

    [Fact]
    public void Validate_AnEarlierBody_SaysItHasAlreadyDecided() =>
        Assert.Equal("Corporate Parenting Panel has already decided; the report is now with Cabinet (20 April 2027).",
            Assert.Single(Validate(CabinetRecommends with { Body = "Corporate Parenting Panel" })).Message);

    [Fact]
    public void Validate_ABodyNotOnTheRoute_ListsTheRoute() =>
        Assert.Equal("Scrutiny Committee is not on this cycle's route (Corporate Parenting Panel → Cabinet → Council); the report is with Cabinet (20 April 2027).",
            Assert.Single(Validate(CabinetRecommends with { Body = "Scrutiny Committee" })).Message);

    [Fact]
    public void Validate_WrongMeetingDate_OrAMeetingNotYetHeld_IsRefused()
    {
        Assert.Equal("meetingDate", Assert.Single(Validate(CabinetRecommends with { MeetingDate = new DateOnly(2027, 4, 13) })).Field);
        Assert.Contains("has not happened yet", Assert.Single(Validate(CabinetRecommends, today: new DateOnly(2027, 4, 19))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Defer_NeedsALaterNewDate()
    {
        var defer = CabinetRecommends with { Outcome = DecisionOutcome.Defer };
        Assert.Equal("newMeetingDate", Assert.Single(Validate(defer)).Field);
        Assert.Equal("newMeetingDate", Assert.Single(Validate(defer with { NewMeetingDate = new DateOnly(2027, 4, 1) })).Field);
        Assert.Empty(Validate(defer with { NewMeetingDate = new DateOnly(2027, 5, 4) }));
        Assert.Equal("newMeetingDate", Assert.Single(Validate(CabinetRecommends with { NewMeetingDate = new DateOnly(2027, 5, 18) })).Field);
    }

    [Fact]
    public void Validate_ReferBack_NeedsComments()
    {
        var referBack = CabinetRecommends with { Outcome = DecisionOutcome.ReferBack };
        Assert.Equal("Enter the comments the lead must address.", Assert.Single(Validate(referBack)).Message);
        Assert.Empty(Validate(referBack with { Comments = "Add outcome measures for care leavers' housing." }));
    }

    [Fact]
    public void Validate_RecommendAtTheLastBody_IsRefused()
    {
        var council = CabinetRecommends with { Body = "Council", MeetingDate = new DateOnly(2027, 5, 10) };
        var error = Assert.Single(Validate(council, index: 2, today: new DateOnly(2027, 5, 11)));
        Assert.Equal("outcome", error.Field);
        Assert.Empty(Validate(council with { Outcome = DecisionOutcome.Adopt }, index: 2, today: new DateOnly(2027, 5, 11)));
    }

    [Fact]
    public void Validate_MissingMinuteAndResolution_AreAskedFor() =>
        Assert.Equal(["minuteReference", "resolution"], Validate(CabinetRecommends with { MinuteReference = "", Resolution = " " }).Select(e => e.Field));

    [Fact]
    public void Validate_WhenNoBodyIsAwaited_IsRefused() =>
        Assert.Equal("body", Assert.Single(Validate(CabinetRecommends, index: 3)).Field);
}
