using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Tests.Fixtures;
using ReviewWorkflow.Workflow.Validation;

namespace ReviewWorkflow.Workflow.Tests.Validation;

public class ReviewCycleValidatorTests
{
    private static readonly ReviewCycleDefinition Valid = RutlandLikeCycle.Definition;
    private static readonly DateOnly Today = RutlandLikeCycle.Today;

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static IReadOnlyList<ValidationError> Validate(ReviewCycleDefinition definition, CouncilSettings? settings = null, DateOnly? today = null) =>
        ReviewCycleValidator.Validate(definition, settings ?? CouncilSettings.Default, today ?? Today);

    private static ValidationError Single(ReviewCycleDefinition definition, string field, CouncilSettings? settings = null, DateOnly? today = null)
    {
        var errors = Validate(definition, settings, today);
        return Assert.Single(errors, e => e.Field == field);
    }

    private static ReviewCycleDefinition WithRoute(params RouteStep[] route) => Valid with { Route = route };

    [Fact]
    public void Validate_TheRutlandLikeCycle_HasNoErrors() => Assert.Empty(Validate(Valid));

    [Fact]
    public void Validate_EmptyRoute_AsksForABody()
    {
        var error = Single(WithRoute(), "route");
        Assert.Contains("Add at least one body", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MeetingsOutOfOrder_PointsAtTheLaterEntry()
    {
        var error = Single(WithRoute(Valid.Route[0], Valid.Route[2], Valid.Route[1]), "route[2].meetingDate");
        Assert.Equal("Cabinet meets on 20 April 2027, not after the body before it (Council, 10 May 2027); put the bodies in meeting order or correct the date.", error.Message);
    }

    [Fact]
    public void Validate_ConsultationClosingAfterTheDraftingDeadline_IsRefused()
    {
        var definition = Valid with { Consultation = Valid.Consultation with { Closes = D(2027, 3, 15) } };
        var error = Single(definition, "consultation.closes");
        Assert.Equal("The consultation closes (15 March 2027) on or after the drafting deadline (12 March 2027); close the consultation before 12 March 2027 so the draft can take the responses into account.", error.Message);
    }

    [Fact]
    public void Validate_DraftingDeadlineAfterTheFirstMeeting_SaysTheLastDayToPublish()
    {
        // Cabinet first, Mon 1 March 2027: five clear working days back are 22-26 February, so publish by Fri 19 February.
        var definition = Valid with
        {
            Consultation = Valid.Consultation with { Closes = D(2027, 2, 12) },
            DraftingDeadline = D(2027, 3, 3),
            Route = [new RouteStep { Body = "Cabinet", MeetingDate = D(2027, 3, 1) }],
        };
        var error = Single(definition, "draftingDeadline");
        Assert.Equal("The drafting deadline (3 March 2027) is after the Cabinet meeting it feeds (1 March 2027); move the deadline to 19 February 2027 or earlier, the last day to publish the report (5 clear days before the meeting).", error.Message);
    }

    [Fact]
    public void Validate_DraftingDeadlineInsideThePublicationWindow_IsRefused()
    {
        var definition = Valid with { DraftingDeadline = D(2027, 3, 22) };
        var error = Single(definition, "draftingDeadline");
        Assert.Contains("must be published by 18 March 2027", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DraftingDeadlineOnThePublicationDate_IsAccepted() =>
        Assert.Empty(Validate(Valid with { DraftingDeadline = D(2027, 3, 18) }));

    [Fact]
    public void Validate_KeyDecisionNoticeDatePassed_NamesTheEarliestPossibleMeeting()
    {
        // Cabinet 20 April 2027 needs notice by 8 March; on 9 March that has passed.
        var definition = Valid with
        {
            Consultation = Valid.Consultation with { Opens = D(2027, 1, 4), Closes = D(2027, 3, 10) },
            DraftingDeadline = D(2027, 3, 12),
        };
        var error = Single(definition, "route[1].meetingDate", today: D(2027, 3, 9));
        Assert.Equal("Cabinet on 20 April 2027 is a key decision, which needs notice 28 clear days before (by 8 March 2027), and that date has passed; move it to a meeting on or after 21 April 2027, or agree the general exception (reg 10) or special urgency (reg 11) with the clerk.", error.Message);
    }

    [Fact]
    public void Validate_KeyDecisionNoticeDueToday_IsAccepted() =>
        Assert.DoesNotContain(Validate(Valid with { Consultation = Valid.Consultation with { Closes = D(2027, 3, 10) } }, today: D(2027, 3, 8)),
            e => e.Field == "route[1].meetingDate");

    [Fact]
    public void Validate_DuplicateConsulteeAcrossGroups_IgnoringCase_NamesTheFirst()
    {
        var groups = Valid.Consultation.Groups.ToList();
        var partners = groups[2];
        groups[2] = partners with { Members = [.. partners.Members, new Consultee { Name = "Riley again", Email = "  RILEY@Young.Example".Trim() }] };
        var error = Single(Valid with { Consultation = Valid.Consultation with { Groups = groups } }, "consultation.groups[2].members[4].email");
        Assert.Equal("RILEY@Young.Example is already a consultee (member 1 of \"Voices Matter (Children in Care Council)\"); each person gets one request, so remove this duplicate or use a different address.", error.Message);
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("two@@council.example")]
    [InlineData("space in@council.example")]
    [InlineData("nodot@council")]
    [InlineData("trailing.@council.example")]
    [InlineData("Name <name@council.example>")]
    public void Validate_InvalidEmail_IsRefusedAtItsPath(string email)
    {
        var groups = Valid.Consultation.Groups.ToList();
        var members = groups[0].Members.ToList();
        members[2] = members[2] with { Email = email };
        groups[0] = groups[0] with { Members = members };
        var error = Single(Valid with { Consultation = Valid.Consultation with { Groups = groups } }, "consultation.groups[0].members[2].email");
        Assert.Contains("in the correct format, like name@council.example", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmptyGroup_AsksForMembers()
    {
        var groups = Valid.Consultation.Groups.ToList();
        groups[1] = groups[1] with { Members = [] };
        var error = Single(Valid with { Consultation = Valid.Consultation with { Groups = groups } }, "consultation.groups[1].members");
        Assert.Equal("Add at least one member to the group \"Foster carers\", choose a directory group, or remove the group.", error.Message);
    }

    [Fact]
    public void Validate_GroupFromDirectoryOnly_IsAccepted()
    {
        var groups = Valid.Consultation.Groups.ToList();
        groups[1] = groups[1] with { Members = [], DirectoryGroupId = "foster-carers" };
        Assert.Empty(ReviewCycleValidator.Validate(Valid with { Consultation = Valid.Consultation with { Groups = groups } }, CouncilSettings.Default, RutlandLikeCycle.Today));
    }

    [Fact]
    public void Validate_NoGroups_IsRefused() =>
        Single(Valid with { Consultation = Valid.Consultation with { Groups = [] } }, "consultation.groups");

    [Fact]
    public void Validate_PeriodEndBeforeStart_IsRefused()
    {
        var error = Single(Valid with { Strategy = Valid.Strategy with { PeriodEnd = D(2027, 1, 1) } }, "strategy.periodEnd");
        Assert.StartsWith("The period ends (1 January 2027) on or before it starts (1 June 2027)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PledgeDocumentWithoutPledges_IsRefused_ButAStrategyMayHaveNoPriorities()
    {
        var noPledges = Valid with
        {
            Strategy = Valid.Strategy with { Pledges = [] },
            Consultation = Valid.Consultation with { Groups = [.. Valid.Consultation.Groups.Select(g => g with { Questions = new Questions() })] },
        };
        Single(noPledges, "strategy.pledges");
        Assert.Empty(Validate(noPledges with { Strategy = noPledges.Strategy with { Kind = StrategyKind.Strategy } }));
    }

    [Fact]
    public void Validate_BlankNames_AreRefusedEverywhere()
    {
        var groups = Valid.Consultation.Groups.ToList();
        groups[0] = groups[0] with { Name = " ", Members = [groups[0].Members[0] with { Name = "" }] };
        var definition = Valid with
        {
            Strategy = Valid.Strategy with { Title = "" },
            Lead = Valid.Lead with { Name = "  " },
            Consultation = Valid.Consultation with { Groups = groups },
            Route = [Valid.Route[0] with { Body = "" }, Valid.Route[1], Valid.Route[2]],
        };
        var fields = Validate(definition).Select(e => e.Field).ToList();
        Assert.Equal(["strategy.title", "lead.name", "consultation.groups[0].name", "consultation.groups[0].members[0].name", "route[0].body"], fields);
    }

    [Fact]
    public void Validate_TooLongText_SaysTheLimit()
    {
        var pledges = Valid.Strategy.Pledges.ToList();
        pledges[3] = new string('x', 1001);
        var definition = Valid with { Strategy = Valid.Strategy with { Title = new string('t', 201), Pledges = pledges } };
        Assert.Equal("Shorten the strategy's title to 200 characters or fewer (it has 201).", Single(definition, "strategy.title").Message);
        Assert.Equal("Shorten the text of pledge 4 to 1000 characters or fewer (it has 1001).", Single(definition, "strategy.pledges[3]").Message);
    }

    [Fact]
    public void Validate_QuestionAboutAPledgeThatDoesNotExist_IsRefused()
    {
        var groups = Valid.Consultation.Groups.ToList();
        groups[0] = groups[0] with { Questions = new Questions { PerPledge = [new PledgeQuestion { Pledge = 7, Text = "?" }] } };
        var error = Single(Valid with { Consultation = Valid.Consultation with { Groups = groups } }, "consultation.groups[0].questions.perPledge[0].pledge");
        Assert.Equal("Choose a pledge number from 1 to 6 (it says 7).", error.Message);
    }

    [Fact]
    public void Validate_MissingDates_AskForThem()
    {
        var definition = Valid with { DraftingDeadline = default, Route = [Valid.Route[0] with { MeetingDate = default }] };
        var fields = Validate(definition).Select(e => e.Field).ToList();
        Assert.Equal(["draftingDeadline", "route[0].meetingDate"], fields);
    }

    [Fact]
    public void Validate_DatesInThePast_AreRefused()
    {
        var errors = Validate(Valid, today: D(2027, 2, 15)).Select(e => e.Field).ToList();
        Assert.Contains("consultation.closes", errors);
    }

    [Fact]
    public void Validate_DuplicateTaskAndFinishMember_AndBadDirectorEmail()
    {
        var definition = Valid with
        {
            TaskAndFinishGroup = [.. Valid.TaskAndFinishGroup, new Person { Name = "Sam again", Email = "Sam.Sample@council.example" }],
            DirectorSignOff = new Person { Name = "Director", Email = "director" },
        };
        var fields = Validate(definition).Select(e => e.Field).ToList();
        Assert.Equal(["taskAndFinishGroup[2].email", "directorSignOff.email"], fields);
    }

    [Fact]
    public void Validate_BadClerkEmailOrId_IsRefused()
    {
        var definition = Valid with { Id = "has/slash", Route = [Valid.Route[0] with { ClerkEmail = "clerk" }, Valid.Route[1], Valid.Route[2]] };
        var fields = Validate(definition).Select(e => e.Field).ToList();
        Assert.Equal(["id", "route[0].clerkEmail"], fields);
    }

    [Fact]
    public void Validate_WeekendsCounting_AcceptsALaterDeadline()
    {
        // With weekends counting, the Panel (Tue 30 March 2027) has clear days 23, 24, 25, 27 and 28 March (Good Friday and
        // Easter Monday still do not count), so the report may go out on Mon 22 March rather than Thu 18 March.
        var definition = Valid with { DraftingDeadline = D(2027, 3, 22) };
        Assert.NotEmpty(Validate(definition));
        Assert.Empty(Validate(definition, new CouncilSettings { WeekendsCount = true }));
    }

    [Theory]
    [InlineData("Riley Adams\r\nBcc: everyone@elsewhere.example")]
    [InlineData("Riley\nAdams")]
    [InlineData("Riley\u2028Adams")]
    [InlineData("Riley\u0000Adams")]
    public void Validate_LineBreaksInAConsulteeName_AreRefusedBeforeTheyCanReachAnEmailHeader(string name)
    {
        var group = Valid.Consultation.Groups[0];
        var members = group.Members.Select((m, i) => i == 0 ? m with { Name = name } : m).ToList();
        var definition = Valid with { Consultation = Valid.Consultation with { Groups = [group with { Members = members }, .. Valid.Consultation.Groups.Skip(1)] } };

        var error = Single(definition, "consultation.groups[0].members[0].name");

        Assert.Contains("on one line", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LineBreaksInTheTitleOrTheLeadsName_AreRefusedNamingTheField()
    {
        var definition = Valid with { Strategy = Valid.Strategy with { Title = "Strategy\r\nSubject: spoofed" }, Lead = Valid.Lead with { Name = "Priya\rShah" } };

        var errors = Validate(definition);

        Assert.Contains(errors, e => e.Field == "strategy.title" && e.Message.Contains("on one line", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field == "lead.name" && e.Message.Contains("on one line", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NoOwningService_IsAllowed_ForTheMinimalApiBody() =>
        Assert.Empty(Validate(Valid with { Strategy = Valid.Strategy with { OwningService = "" } }));
}
