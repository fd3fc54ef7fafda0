using ReviewWorkflow.Workflow.Consultation;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Deadlines;

namespace ReviewWorkflow.Workflow.Tests.Consultation;

/// <summary>The lead extends the consultation: the close moves, the new close's reminders and escalation go (the
/// escalation again), the old dates already past do not come back; an extension that does not fit is refused.</summary>
public class ConsultationExtensionTests
{
    private static DateOnly D(int m, int d) => new(2027, m, d);

    private static WorkflowCommand Extend(DateOnly to, string id = "extend-1") => ConsultationRun.Lead(CommandKind.ExtendConsultation, id) with { Date = to };

    [Fact]
    public void An_extension_moves_the_close_and_restarts_the_escalation_for_the_new_close()
    {
        var run = new ConsultationRun();
        run.AdvanceTo(ConsultationRun.SendAt(D(2, 10)));
        Assert.Equal([D(2, 9)], run.EscalationDays());

        var effects = run.Command(Extend(D(2, 26)));
        Assert.IsType<RecordApplied>(Assert.Single(effects));
        Assert.Equal(D(2, 26), run.State.Closes);
        Assert.Equal(D(2, 11), run.State.NotBefore);

        run.AdvanceTo(CouncilTime.EndOfDay(D(2, 26), CouncilSettings.Default));
        var extended = CycleSchedule.Compute(run.Definition with { Consultation = run.Definition.Consultation with { Closes = D(2, 26) } }, CouncilSettings.Default);
        Assert.NotNull(extended.Escalation);
        Assert.Equal([D(2, 9), extended.Escalation!.Value], run.EscalationDays());
        Assert.Equal([D(2, 5), D(2, 10), .. extended.ConsultationReminders.Where(d => d >= D(2, 11))], run.ReminderDays());
        Assert.False(run.IsOpen);
    }

    [Fact]
    public void An_extended_consultation_is_still_open_after_the_old_closing_day()
    {
        var run = new ConsultationRun();
        run.AdvanceTo(ConsultationRun.SendAt(D(2, 1)));
        run.Command(Extend(D(2, 26)));

        run.AdvanceTo(ConsultationRun.SendAt(D(2, 15)));
        Assert.True(run.IsOpen);
        Assert.Equal("The consultation closes at the end of 26 February 2027", run.Stage.Shown(run.State, run.Now).NextDeadline?.What);
    }

    [Fact]
    public void An_extension_to_an_earlier_day_is_refused_with_the_reason_and_changes_nothing()
    {
        var run = new ConsultationRun();
        run.AdvanceTo(ConsultationRun.SendAt(D(2, 1)));

        var refusal = Assert.IsType<RecordRefusal>(Assert.Single(run.Command(Extend(D(2, 10)))));
        Assert.Equal("The consultation already closes on 12 February 2027; choose a later date to extend it, or close it early instead.", refusal.Reason);
        Assert.Equal(D(2, 12), run.State.Closes);
    }

    [Fact]
    public void An_extension_onto_the_drafting_deadline_is_refused()
    {
        var run = new ConsultationRun();
        run.AdvanceTo(ConsultationRun.SendAt(D(2, 1)));

        var refusal = Assert.IsType<RecordRefusal>(Assert.Single(run.Command(Extend(D(3, 12)))));
        Assert.Equal("The new closing date (12 March 2027) is on or after the drafting deadline (12 March 2027); choose a date before it, or move the drafting deadline first.", refusal.Reason);
        Assert.Equal(D(2, 12), run.State.Closes);
    }
}
