using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Deadlines;
using ReviewWorkflow.Workflow.Tests.Fixtures;

namespace ReviewWorkflow.Workflow.Tests.Deadlines;

public class CycleScheduleTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static readonly CycleSchedule Plan = CycleSchedule.Compute(RutlandLikeCycle.Definition, CouncilSettings.Default);

    [Fact]
    public void Consultation_RemindersAndEscalation_CountBackFromTheClose()
    {
        Assert.Equal([D(2027, 2, 5), D(2027, 2, 10)], Plan.ConsultationReminders);
        Assert.Equal(D(2027, 2, 9), Plan.Escalation);
        Assert.Equal(D(2027, 2, 12), Plan.ConsultationCloses);
    }

    [Fact]
    public void Drafting_RemindersBeforeTheDeadline() =>
        Assert.Equal([D(2027, 3, 5), D(2027, 3, 10)], Plan.DraftingReminders);

    [Fact]
    public void Panel_AfterEaster2027_PublishesBeforeTheLongWeekend()
    {
        var panel = Plan.Bodies[0];
        Assert.Equal("Corporate Parenting Panel", panel.Body);
        Assert.Equal(D(2027, 3, 18), panel.PublicationDate);
        Assert.Null(panel.KeyDecisionNoticeDate);
        // The 7-day reminder (11 March) would come before the draft is due (12 March), so only the 2-day one remains.
        Assert.Equal([D(2027, 3, 16)], panel.PublicationReminders);
    }

    [Fact]
    public void Cabinet_KeyDecision_HasNoticeDateAndReminders()
    {
        var cabinet = Plan.Bodies[1];
        Assert.True(cabinet.KeyDecision);
        Assert.Equal(D(2027, 4, 12), cabinet.PublicationDate);
        Assert.Equal(D(2027, 3, 8), cabinet.KeyDecisionNoticeDate);
        // 2 days before is Sat 6 March, so that reminder moves to Friday.
        Assert.Equal([D(2027, 3, 1), D(2027, 3, 5)], cabinet.KeyDecisionNoticeReminders);
    }

    [Fact]
    public void Monitoring_FromThePlannedAdoption_AtTheLastMeeting()
    {
        Assert.True(Plan.AdoptionIsPlanned);
        Assert.Equal(D(2027, 5, 10), Plan.AdoptionDate);
        Assert.Equal([D(2027, 11, 10), D(2028, 5, 10)], Plan.ProgressReports);
        Assert.Equal(D(2029, 11, 30), Plan.NextReviewStart);
    }

    [Fact]
    public void Monitoring_FromAnActualAdoptionDate()
    {
        var adopted = CycleSchedule.Compute(RutlandLikeCycle.Definition, CouncilSettings.Default, adoptedOn: D(2027, 7, 14));
        Assert.False(adopted.AdoptionIsPlanned);
        Assert.Equal([D(2028, 1, 14), D(2028, 7, 14)], adopted.ProgressReports);
    }

    [Fact]
    public void Reminders_FallingOnWeekendsOrBankHolidays_MoveToThePreviousWorkingDay()
    {
        // Closing Wed 30 Dec 2026: 7 days before is Wed 23 Dec; 2 days before is Mon 28 Dec (Boxing Day substitute) → Thu 24 Dec.
        var definition = RutlandLikeCycle.Definition with
        {
            Consultation = RutlandLikeCycle.Definition.Consultation with { Opens = D(2026, 12, 1), Closes = D(2026, 12, 30) },
        };
        var plan = CycleSchedule.Compute(definition, CouncilSettings.Default);
        Assert.Equal([D(2026, 12, 23), D(2026, 12, 24)], plan.ConsultationReminders);
        Assert.Equal(D(2026, 12, 24), plan.Escalation);
    }

    [Fact]
    public void WeekendsCount_ShortensThePublicationRunUp()
    {
        var plan = CycleSchedule.Compute(RutlandLikeCycle.Definition, new CouncilSettings { WeekendsCount = true });
        // Cabinet Tue 20 April 2027: 14-19 April are six calendar days, so 5 clear days back lands on Wed 14 April.
        Assert.Equal(D(2027, 4, 14), plan.Bodies[1].PublicationDate);
    }

    [Fact]
    public void Items_AreInDateOrder_AndIncludeEveryMeeting()
    {
        Assert.Equal(Plan.Items.OrderBy(i => i.Date).Select(i => i.Date), Plan.Items.Select(i => i.Date));
        Assert.Equal(3, Plan.Items.Count(i => i.Kind == ScheduleItemKind.Meeting));
        Assert.Equal(ScheduleItemKind.ConsultationOpens, Plan.Items[0].Kind);
        Assert.Equal(ScheduleItemKind.NextReviewStart, Plan.Items[^1].Kind);
        Assert.Contains(Plan.Items, i => i.Kind == ScheduleItemKind.KeyDecisionNoticeDue && i.BodyIndex == 1 && i.Date == D(2027, 3, 8)
            && i.Description == "Last day to publish the key-decision notice for Cabinet (20 April 2027)");
    }

    [Fact]
    public void NextOnOrAfter_FindsTheNextStep()
    {
        var next = Plan.NextOnOrAfter(D(2027, 2, 11));
        Assert.NotNull(next);
        Assert.Equal(ScheduleItemKind.ConsultationCloses, next.Kind);
    }

    [Fact]
    public void Compute_IsDeterministic() =>
        Assert.Equal(Plan.Items, CycleSchedule.Compute(RutlandLikeCycle.Definition, CouncilSettings.Default).Items);
}
