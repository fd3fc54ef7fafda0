using ReviewWorkflow.Workflow.Consultation;
using ReviewWorkflow.Workflow.Cycles;

namespace ReviewWorkflow.Workflow.Tests.Consultation;

/// <summary>What the lead's commands (and a bounce from the webhook) do to a running consultation, and the reasons given
/// when they cannot be applied.</summary>
public class ConsultationCommandTests
{
    private static DateOnly D(int m, int d) => new(2027, m, d);

    private static WorkflowCommand Bounce(string consulteeId, string id) => ConsultationRun.Lead(CommandKind.FlagBounce, id) with
    {
        Bounce = new BounceReport(consulteeId, "someone@example.org", "bounce", "mailbox full", "event-" + id),
    };

    [Fact]
    public void Closing_early_ends_the_consultation_at_once_and_is_recorded_as_applied()
    {
        var run = new ConsultationRun();
        run.AdvanceTo(ConsultationRun.SendAt(D(1, 20)));

        Assert.IsType<RecordApplied>(Assert.Single(run.Command(ConsultationRun.Lead(CommandKind.CloseConsultation, "close-1"))));
        Assert.False(run.IsOpen);
        Assert.True(ConsultationStage.Closed(run.State, new CycleCounts(), run.Now).ConsultationClosedEarly);
    }

    [Fact]
    public void Remind_now_before_the_requests_went_is_refused_because_there_is_no_one_to_remind()
    {
        var run = new ConsultationRun();

        var refusal = Assert.IsType<RecordRefusal>(Assert.Single(run.Command(ConsultationRun.Lead(CommandKind.RemindNow, "remind-1"))));
        Assert.Equal("The consultation requests have not gone out yet, so there is no one to remind.", refusal.Reason);
    }

    [Fact]
    public void Remind_now_reminds_today_keyed_by_the_command_then_records_it_applied()
    {
        var run = new ConsultationRun(refusedByProvider: ["avery@health.example"]);
        run.AdvanceTo(ConsultationRun.SendAt(D(1, 20)));

        var effects = run.Command(ConsultationRun.Lead(CommandKind.RemindNow, "remind-1"));
        Assert.Collection(effects,
            e =>
            {
                var reminders = Assert.IsType<SendReminders>(e).Input;
                Assert.Equal(("remind-1", D(1, 20)), (reminders.CommandId, reminders.Date));
                Assert.Equal(["c-avery"], reminders.Excluded);
            },
            e => Assert.IsType<RecordApplied>(e));
    }

    [Fact]
    public void A_bounce_is_recorded_then_the_lead_told_and_later_reminders_leave_the_consultee_out()
    {
        var run = new ConsultationRun();
        run.AdvanceTo(ConsultationRun.SendAt(D(1, 20)));

        var effects = run.Command(Bounce("c-pat", "bounce-1"));
        Assert.Collection(effects,
            e => Assert.IsType<RecordApplied>(e),
            e => Assert.Equal("c-pat", Assert.IsType<SendBounceNotice>(e).Input.Consultee?.Id));

        run.AdvanceTo(ConsultationRun.SendAt(D(2, 5)));
        Assert.Equal(["c-pat"], Assert.Single(run.Effects.OfType<SendReminders>()).Input.Excluded);
        Assert.Equal(1, run.Stage.Shown(run.State, run.Now).Counts.Bounced);
    }

    [Fact]
    public void A_second_bounce_of_the_same_consultee_changes_nothing_and_tells_no_one()
    {
        var run = new ConsultationRun();
        run.AdvanceTo(ConsultationRun.SendAt(D(1, 20)));
        run.Command(Bounce("c-pat", "bounce-1"));

        Assert.Empty(run.Command(Bounce("c-pat", "bounce-2")));
        Assert.Equal(["c-pat"], run.State.Bounced);
    }

    [Fact]
    public void A_bounce_of_someone_not_consulted_is_refused()
    {
        var run = new ConsultationRun();
        run.AdvanceTo(ConsultationRun.SendAt(D(1, 20)));

        var refusal = Assert.IsType<RecordRefusal>(Assert.Single(run.Command(Bounce("c-nobody", "bounce-1"))));
        Assert.Equal("The bounced address is not a consultee of this cycle.", refusal.Reason);
        Assert.Empty(run.State.Bounced);
    }

    [Fact]
    public void A_command_of_another_stage_is_refused_naming_the_stage()
    {
        var run = new ConsultationRun();

        var refusal = Assert.IsType<RecordRefusal>(Assert.Single(run.Command(ConsultationRun.Lead(CommandKind.SubmitDraft, "draft-1"))));
        Assert.Equal("The cycle is in consultation; SubmitDraft is not possible now.", refusal.Reason);
    }

    [Fact]
    public void Every_command_taken_is_remembered_so_a_repeat_is_not_taken_again()
    {
        var run = new ConsultationRun();
        run.Command(ConsultationRun.Lead(CommandKind.SubmitDraft, "draft-1"));

        Assert.Contains("draft-1", run.State.Status.RecentCommands);
    }
}
