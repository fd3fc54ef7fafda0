using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Ratification;
using ReviewWorkflow.Workflow.Tests.Fixtures;

namespace ReviewWorkflow.Workflow.Tests.Ratification;

/// <summary>The pure "which reminders are due now, given what was sent" rule, on the Rutland-like route
/// (Panel 30 March, Cabinet 20 April (key decision), Council 10 May 2027).</summary>
public sealed class DueRemindersTests
{
    private static readonly CouncilSettings Settings = CouncilSettings.Default;

    private static readonly IReadOnlyList<RatificationReminder> All = RatificationReminders.For(RutlandLikeCycle.Definition, Settings, 0, keyDecisionOnly: false);

    private static DateTime At(int month, int day) => CouncilTime.SendAt(new DateOnly(2027, month, day), Settings).AddHours(1);

    [Fact]
    public void A_reminder_whose_day_and_target_were_jumped_over_is_still_due()
    {
        var cabinetNotice = All.Where(r => r.Kind == ReminderKind.KeyDecisionNotice).ToList();
        Assert.NotEmpty(cabinetNotice);

        var due = DueReminders.Now(All, [], At(4, 30), currentIndex: 1, Settings);

        Assert.All(cabinetNotice, r => Assert.Contains(r, due)); // their target (the notice day) passed long ago
        Assert.Contains(due, r => r.Kind == ReminderKind.Publication && r.BodyIndex == 1);
    }

    [Fact]
    public void A_reminder_already_sent_is_never_due_again()
    {
        var first = DueReminders.Now(All, [], At(5, 30), currentIndex: 2, Settings);
        var sent = first.Select(r => r.Key).ToHashSet();

        Assert.Empty(DueReminders.Now(All, sent, At(5, 31), currentIndex: 2, Settings));
        Assert.Null(DueReminders.Next(All, sent, currentIndex: 2, Settings));
    }

    [Fact]
    public void A_later_body_s_publication_reminders_wait_for_the_earlier_decisions()
    {
        var due = DueReminders.Now(All, [], At(5, 30), currentIndex: 0, Settings);

        Assert.DoesNotContain(due, r => r.Kind == ReminderKind.Publication && r.BodyIndex > 0);
        Assert.Contains(due, r => r.Kind == ReminderKind.KeyDecisionNotice && r.BodyIndex == 1); // statutory notice never waits
        Assert.True(DueReminders.WaitsForEarlierDecision(All.First(r => r.Kind == ReminderKind.Publication && r.BodyIndex == 2), 1));
        Assert.False(DueReminders.WaitsForEarlierDecision(All.First(r => r.Kind == ReminderKind.Publication && r.BodyIndex == 2), 2));
    }

    [Fact]
    public void Nothing_is_due_before_its_send_time_and_next_names_the_earliest()
    {
        var earliest = All.Where(r => !DueReminders.WaitsForEarlierDecision(r, 0)).Min(r => CouncilTime.SendAt(r.SendOn, Settings));

        Assert.Empty(DueReminders.Now(All, [], earliest.AddMinutes(-1), 0, Settings));
        Assert.Equal(earliest, DueReminders.Next(All, [], 0, Settings));
        Assert.NotEmpty(DueReminders.Now(All, [], earliest, 0, Settings));
    }

    [Fact]
    public void Of_reminders_of_one_deadline_due_together_the_latest_is_emailed_and_covers_the_earlier()
    {
        // Cabinet's key-decision notice has reminders on 1 and 5 March; a jump to 29 March makes both due at once.
        var due = DueReminders.Now(All, [], At(3, 29), currentIndex: 0, Settings);
        var notice = due.Where(r => r.Kind == ReminderKind.KeyDecisionNotice && r.BodyIndex == 1).OrderBy(r => r.SendOn).ToList();
        Assert.Equal(2, notice.Count);

        Assert.Null(DueReminders.CoveredBy(notice[1], due));
        Assert.Equal(notice[1], DueReminders.CoveredBy(notice[0], due));
        var panelPublication = Assert.Single(due, r => r.Kind == ReminderKind.Publication);
        Assert.Null(DueReminders.CoveredBy(panelPublication, due)); // another deadline: not covered by the notice's
    }

    [Fact]
    public void A_reminder_due_alone_is_emailed()
    {
        var earliest = All.Where(r => !DueReminders.WaitsForEarlierDecision(r, 0)).MinBy(r => CouncilTime.SendAt(r.SendOn, Settings))!;
        var due = DueReminders.Now(All, [], CouncilTime.SendAt(earliest.SendOn, Settings), 0, Settings);

        Assert.All(due, r => Assert.Null(DueReminders.CoveredBy(r, due)));
    }
}
