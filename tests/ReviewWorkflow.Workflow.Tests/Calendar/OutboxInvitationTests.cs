using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReviewWorkflow.Notifications.Email;
using ReviewWorkflow.Workflow.Calendar;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Hosting;
using ReviewWorkflow.Workflow.Tests.Fixtures;
using ReviewWorkflow.Workflow.Tests.ForwardPlan;

namespace ReviewWorkflow.Workflow.Tests.Calendar;

/// <summary>Meeting invitations without a Graph tenant: .ics attachments through the (idempotent) email sender, the
/// sent events in a table. <see cref="MeetingInvitations.SyncAsync"/> is called directly, as the read-model projection will.</summary>
public sealed class OutboxInvitationTests
{
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2027, 1, 10, 10, 0, 0, TimeSpan.Zero));
    private readonly MessageCapture _mail = new();
    private readonly IEmailSendLedger _ledger = new InMemoryEmailSendLedger();

    private async Task<(MeetingInvitations Invitations, MeetingEventStore Store)> StartAsync(Func<IMeetingCalendar, IMeetingCalendar>? wrap = null)
    {
        var store = new MeetingEventStore(await TestTables.CreateAsync("mev"));
        IMeetingCalendar calendar = new OutboxMeetingCalendar(new IdempotentEmailSender(_mail, _ledger, NullLogger<IdempotentEmailSender>.Instance), _time);
        return (new MeetingInvitations(wrap is null ? calendar : wrap(calendar), store, Options.Create(new WorkflowOptions()), _time), store);
    }

    private static string Ics(EmailMessage message) => message.Attachments.Single().Content;

    [Fact]
    public async Task Each_meeting_gets_one_invitation_for_the_clerk_and_the_lead_however_often_it_syncs()
    {
        var (invitations, store) = await StartAsync();

        await invitations.SyncAsync(PlanCycles.Pledge());
        await invitations.SyncAsync(PlanCycles.Pledge());

        Assert.Equal(6, _mail.Sent.Count);
        Assert.Equal(3, _mail.Sent.Count(m => m.To.Address == "clerk@council.example"));
        Assert.Equal(3, _mail.Sent.Count(m => m.To.Address == "lead@council.example"));
        var cabinet = _mail.Sent.First(m => m.To.Address == "lead@council.example" && m.Subject.Contains("Cabinet", StringComparison.Ordinal));
        Assert.Equal("meeting.ics", cabinet.Attachments.Single().FileName);
        var ics = Ics(cabinet);
        Assert.Contains("METHOD:REQUEST", ics, StringComparison.Ordinal);
        Assert.Contains("UID:cic-2027-meeting-1@reviewworkflow", ics, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:0", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20270420T173000Z", ics, StringComparison.Ordinal);
        Assert.Contains("mailto:lead@council.example", ics, StringComparison.Ordinal);
        var rows = await store.ListAsync("cic-2027");
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(MeetingInvitations.Invite(PlanCycles.Pledge(), r.RouteIndex, PlanCycles.Pledge().Route[r.RouteIndex], ReviewWorkflow.Workflow.Council.CouncilSettings.Default).Uid, r.EventId));
    }

    [Fact]
    public async Task A_deferral_updates_the_same_event_once()
    {
        var (invitations, store) = await StartAsync();
        await invitations.SyncAsync(PlanCycles.Pledge());
        var deferred = PlanCycles.Deferred(PlanCycles.Pledge(), 1, new DateOnly(2027, 5, 4));

        await invitations.SyncAsync(deferred);
        await invitations.SyncAsync(deferred);

        var moved = _mail.Sent.Skip(6).ToList();
        Assert.Equal(2, moved.Count);
        Assert.All(moved, m =>
        {
            Assert.Contains("UID:cic-2027-meeting-1@reviewworkflow", Ics(m), StringComparison.Ordinal);
            Assert.Contains("SEQUENCE:1", Ics(m), StringComparison.Ordinal);
            Assert.Contains("DTSTART:20270504T173000Z", Ics(m), StringComparison.Ordinal);
        });
        var row = (await store.ListAsync("cic-2027")).Single(r => r.RouteIndex == 1);
        Assert.Equal(1, row.Sequence);
        Assert.Equal("2027-05-04T17:30Z", row.When);
    }

    [Fact]
    public async Task Closing_the_cycle_cancels_the_meetings_still_to_come_once()
    {
        var (invitations, store) = await StartAsync();
        await invitations.SyncAsync(PlanCycles.Pledge());
        var closed = PlanCycles.Pledge(stage: CycleStage.Closed) with
        {
            ClosedReason = "Rejected by Cabinet",
            Decisions = [new DecisionSummary("Corporate Parenting Panel", PlanCycles.PanelMeets, ReviewWorkflow.Workflow.Domain.DecisionOutcome.Endorse, "CPP/1", null, null)],
        };

        await invitations.SyncAsync(closed);
        await invitations.SyncAsync(closed);

        var cancellations = _mail.Sent.Skip(6).ToList();
        Assert.Equal(4, cancellations.Count); // Cabinet and Council, to the clerk and the lead; the Panel met already
        Assert.All(cancellations, m =>
        {
            Assert.Contains("METHOD:CANCEL", Ics(m), StringComparison.Ordinal);
            Assert.Contains("STATUS:CANCELLED", Ics(m), StringComparison.Ordinal);
            Assert.Contains("SEQUENCE:1", Ics(m), StringComparison.Ordinal);
        });
        Assert.DoesNotContain(cancellations, m => Ics(m).Contains("meeting-0@", StringComparison.Ordinal));
        Assert.Equal([false, true, true], (await store.ListAsync("cic-2027")).OrderBy(r => r.RouteIndex).Select(r => r.Cancelled));
    }

    [Fact]
    public async Task A_retry_after_dying_between_create_and_record_sends_no_second_invitation()
    {
        var (invitations, store) = await StartAsync(inner => new CrashAfterCreateOnce(inner));

        await Assert.ThrowsAsync<TimeoutException>(() => invitations.SyncAsync(PlanCycles.Pledge()));
        await invitations.SyncAsync(PlanCycles.Pledge());

        Assert.Equal(6, _mail.Sent.Count);
        Assert.Equal(6, _mail.Sent.Select(m => m.IdempotencyKey).Distinct().Count());
        Assert.All(await store.ListAsync("cic-2027"), r => Assert.NotEmpty(r.EventId));
    }
}
