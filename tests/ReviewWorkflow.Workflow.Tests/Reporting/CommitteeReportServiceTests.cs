using ReviewWorkflow.Workflow.Reporting;

namespace ReviewWorkflow.Workflow.Tests.Reporting;

[Collection(ReportScenarioGroup.Name)]
public sealed class CommitteeReportServiceTests(ReportScenario scenario)
{
    private CommitteeReport Report => scenario.Report;

    [Fact]
    public void An_unknown_cycle_has_no_report() => Assert.Null(scenario.Missing);

    [Fact]
    public void The_header_names_the_body_the_report_is_with_and_what_the_cycle_knows()
    {
        var header = Report.Header;
        Assert.Equal("Corporate Parenting Panel", header.Committee);
        Assert.Equal(new DateOnly(2027, 3, 30), header.MeetingDate);
        Assert.False(header.KeyDecision);
        Assert.Equal("Director Example", header.ReportOf);
        Assert.Equal("Alex Example, lead@council.example", header.ContactOfficer);
        Assert.Equal("All", header.Wards);
        Assert.Equal("No", header.Exempt);
        // Five clear days before Tuesday 30 March 2027, skipping the weekends and Easter (26 and 29 March).
        Assert.Equal(new DateOnly(2027, 3, 18), header.PublishBy);
        Assert.True(ReportText.IsPlaceholder(header.AgendaItem));
        Assert.True(ReportText.IsPlaceholder(header.CabinetMembers));
    }

    [Fact]
    public void Response_rates_count_submitted_responses_per_group_in_the_definitions_order()
    {
        var c = Report.Consultation;
        Assert.Equal(
            [("Voices Matter (Children in Care Council)", 4, 2, 50), ("Foster carers", 4, 1, 25), ("Partners", 4, 1, 25)],
            c.Groups.Select(g => (g.Group, g.Consulted, g.Responded, g.RatePercent)));
        Assert.Equal((12, 4, 33), (c.Total.Consulted, c.Total.Responded, c.Total.RatePercent));
    }

    [Fact]
    public void Tallies_count_each_view_per_pledge_from_submitted_responses_only()
    {
        var tallies = Report.Consultation.Pledges;
        Assert.Equal(6, tallies.Count);
        // Morgan's unsubmitted "disagree" on pledge 2 is not counted.
        Assert.Equal((2, 1, 1, 0, 4, 2), Tuple(tallies[1]));
        Assert.Equal((2, 1, 0, 0, 3, 0), Tuple(tallies[0]));
        Assert.Equal((0, 0, 0, 1, 1, 0), Tuple(tallies[3]));
        Assert.Equal(0, tallies[2].Answers);
    }

    [Fact]
    public void You_said_we_did_comes_from_the_draft_and_is_found_while_it_waits_for_sign_off_too()
    {
        var expected = scenario.Draft.YouSaidWeDid.Select(y => (ReportText.Inert(y.Theme), y.YouSaid, y.WeDid)).ToList();
        Assert.Equal(expected, Report.Consultation.YouSaidWeDid.Select(r => (r.Theme, r.YouSaid, r.WeDid)));
        Assert.Equal(expected, scenario.ReportBeforeSignOff.Consultation.YouSaidWeDid.Select(r => (r.Theme, r.YouSaid, r.WeDid)));
        Assert.Equal(["Version 1.0.", "Document: https://docs.council.example/cic-pledge-1.0.docx"], Report.Appendices[0].Content);
    }

    [Fact]
    public void The_route_shows_statutory_dates_and_the_key_decision_notice()
    {
        var route = Report.Timescales.Route;
        Assert.Equal(["Corporate Parenting Panel", "Cabinet", "Council"], route.Select(r => r.Body));
        var cabinet = route[1];
        Assert.True(cabinet.KeyDecision);
        Assert.NotNull(cabinet.KeyDecisionNoticeBy);
        Assert.True(cabinet.KeyDecisionNoticeBy < cabinet.PublishBy);
        Assert.All(route, r => Assert.Equal("Not yet decided", r.Decision));
    }

    [Fact]
    public void What_the_system_cannot_know_is_a_placeholder_and_comments_are_never_quoted()
    {
        Assert.True(ReportText.IsPlaceholder(Assert.Single(Report.Implications, i => i.Area == "Financial").Paragraphs.Single()));
        Assert.Contains(Report.Implications.Single(i => i.Area == "Children in care and care leavers").Paragraphs,
            p => p.StartsWith("2 of 4 children and young people consulted responded", StringComparison.Ordinal));
        Assert.Contains("2 of 4 respondents made general comments.", Report.Consultation.Themes);
        var everything = System.Text.Json.JsonSerializer.Serialize(Report);
        Assert.DoesNotContain("secret", everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Casey", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("@young.example", everything, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+44", "'+44")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("Plain", "Plain")]
    [InlineData("'=already", "'=already")]
    public void Text_starting_with_a_formula_character_is_made_inert(string text, string expected) =>
        Assert.Equal(expected, ReportText.Inert(text));

    private static (int, int, int, int, int, int) Tuple(PledgeTally t) => (t.Agree, t.Partly, t.Disagree, t.DontKnow, t.Answers, t.Comments);
}
