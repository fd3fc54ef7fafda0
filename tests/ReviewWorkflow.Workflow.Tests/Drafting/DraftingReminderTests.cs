using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;
using static ReviewWorkflow.Workflow.Tests.Drafting.DraftingSetup;

namespace ReviewWorkflow.Workflow.Tests.Drafting;

/// <summary>The lead's reminders before the drafting deadline (first round only), and what a revised round starts with.</summary>
public class DraftingReminderTests
{
    [Fact]
    public void The_first_round_reminds_the_lead_on_each_schedule_day_and_then_only_a_command_moves_it()
    {
        var stage = Stage(SendAt(2, 13));
        var state = stage.Start("drafting-1", SendAt(2, 13));
        var waiting = stage.Due(state, SendAt(2, 13));
        Assert.Empty(waiting.Effects);
        Assert.Equal(SendAt(3, 5), waiting.Next);

        var first = stage.Due(waiting.State, SendAt(3, 5));
        var notice = Notice(Assert.Single(first.Effects));
        Assert.Equal((NoticeKind.DraftingReminder, "drafting-reminder/cic-2027/d1/2027-03-05", new DateOnly(2027, 3, 12)), (notice.Kind, notice.IdempotencyKey, notice.DueDate));
        Assert.Equal(SendAt(3, 10), first.Next);

        var second = stage.Due(first.State, SendAt(3, 10));
        Assert.Equal("drafting-reminder/cic-2027/d1/2027-03-10", Notice(Assert.Single(second.Effects)).IdempotencyKey);
        Assert.Null(second.Next);
        Assert.Empty(stage.Due(second.State, SendAt(4, 1)).Effects);
    }

    [Fact]
    public void A_round_that_starts_after_a_reminder_day_does_not_send_that_reminder()
    {
        var stage = Stage(SendAt(3, 8));
        var due = stage.Due(stage.Start("drafting-1", SendAt(3, 8)), SendAt(3, 10));

        Assert.Equal("drafting-reminder/cic-2027/d1/2027-03-10", Notice(Assert.Single(due.Effects)).IdempotencyKey);
    }

    [Fact]
    public void An_overdue_first_draft_shows_as_overdue_and_never_times_out()
    {
        var stage = Stage(SendAt(2, 13));
        var state = stage.Start("drafting-1", SendAt(2, 13));

        var shown = stage.Shown(state, SendAt(3, 15));
        Assert.True(shown.NextDeadline?.Overdue);
        Assert.False(state.Done);
    }

    [Fact]
    public void A_revised_round_first_tells_the_lead_what_the_body_asked_and_sends_no_reminders()
    {
        var referral = new DecisionSummary("Cabinet", new DateOnly(2027, 4, 20), DecisionOutcome.ReferBack, "CAB/2027/110", "Add a care leavers' housing pledge.", null);
        var stage = Stage(SendAt(4, 21), round: 2, referredBack: referral);

        var notice = Notice(Assert.Single(stage.Opening()));
        Assert.Equal((NoticeKind.ReferredBack, "referred-back/cic-2027/d2", "Add a care leavers' housing pledge."), (notice.Kind, notice.IdempotencyKey, notice.Comments));

        var state = stage.Start("drafting-2", SendAt(4, 21));
        var due = stage.Due(state, SendAt(4, 21));
        Assert.Empty(due.Effects);
        Assert.Null(due.Next);
        Assert.Equal("A revised draft addressing Cabinet's comments", stage.Shown(state, SendAt(4, 21)).NextDeadline?.What);
        Assert.Equal("Add a care leavers' housing pledge.", state.Status.ReferredBackComments);
    }

    [Fact]
    public void A_first_round_starts_with_no_message_to_the_lead()
    {
        Assert.Empty(Stage(SendAt(2, 13)).Opening());
    }
}
