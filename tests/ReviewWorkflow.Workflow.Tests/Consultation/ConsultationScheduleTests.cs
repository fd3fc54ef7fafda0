using ReviewWorkflow.Workflow.Consultation;
using ReviewWorkflow.Workflow.Council;

namespace ReviewWorkflow.Workflow.Tests.Consultation;

/// <summary>A whole consultation (January to mid-February 2027) run through <see cref="ConsultationStage"/> alone: the
/// requests, reminders and escalation go on the schedule's dates at the send time, and it closes at the end of the closing day.</summary>
public class ConsultationScheduleTests
{
    private static DateOnly D(int m, int d) => new(2027, m, d);

    private static DateTime EndOf(DateOnly day) => CouncilTime.EndOfDay(day, CouncilSettings.Default);

    [Fact]
    public void The_requests_go_at_the_opening_days_send_time_and_not_a_minute_before()
    {
        var run = new ConsultationRun();
        run.AdvanceTo(ConsultationRun.SendAt(D(1, 4)).AddMinutes(-1));
        Assert.False(run.RequestsWent);

        run.AdvanceTo(ConsultationRun.SendAt(D(1, 4)));
        Assert.Equal(ConsultationRun.SendAt(D(1, 4)), run.RequestsAt);
    }

    [Fact]
    public void Until_the_requests_go_the_stage_wakes_for_the_opening()
    {
        var run = new ConsultationRun();
        var due = run.Stage.Due(run.State, run.Now);
        Assert.Empty(due.Effects);
        Assert.Equal(ConsultationRun.SendAt(D(1, 4)), due.Next);
    }

    [Fact]
    public void Reminders_go_on_the_schedules_days_at_the_send_time_and_the_escalation_once()
    {
        var run = new ConsultationRun();
        run.AdvanceTo(EndOf(D(2, 12)));

        Assert.Equal([D(2, 5), D(2, 10)], run.ReminderDays());
        Assert.Equal([ConsultationRun.SendAt(D(2, 5)), ConsultationRun.SendAt(D(2, 10))], run.ReminderTimes());
        Assert.Equal([D(2, 9)], run.EscalationDays());
    }

    [Fact]
    public void The_consultation_stays_open_until_midnight_at_the_end_of_the_closing_day()
    {
        var run = new ConsultationRun();
        run.AdvanceTo(EndOf(D(2, 12)).AddTicks(-1));
        Assert.True(run.IsOpen);

        run.AdvanceTo(EndOf(D(2, 12)));
        Assert.False(run.IsOpen);
    }

    [Fact]
    public void A_jump_over_the_reminder_days_sends_each_missed_reminder_and_the_escalation_once_late()
    {
        var run = new ConsultationRun();
        run.JumpTo(ConsultationRun.SendAt(D(2, 11)));

        Assert.Equal([D(2, 5), D(2, 10)], run.ReminderDays());
        Assert.Equal([D(2, 9)], run.EscalationDays());

        run.AdvanceTo(EndOf(D(2, 12)));
        Assert.Equal(2, run.ReminderDays().Count);
        Assert.Single(run.EscalationDays());
    }

    [Fact]
    public void Reminders_and_escalation_leave_out_those_whose_request_the_provider_refused()
    {
        var run = new ConsultationRun(refusedByProvider: ["pat@carers.example"]);
        run.AdvanceTo(EndOf(D(2, 12)));

        Assert.All(run.Effects.OfType<SendReminders>(), r => Assert.Equal(["c-pat"], r.Input.Excluded));
        Assert.All(run.Effects.OfType<SendEscalation>(), e => Assert.Equal(["c-pat"], e.Input.Bounced));
        Assert.Equal(["c-riley", "c-avery"], run.State.Sent);
    }
}
