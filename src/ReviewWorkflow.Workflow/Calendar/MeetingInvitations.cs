using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Deadlines;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Hosting;

namespace ReviewWorkflow.Workflow.Calendar;

/// <summary>
/// Keeps the committee clerk's and the lead's calendars in step with a cycle: one event per committee meeting on the
/// route (the clerk organises, the lead is invited), moved when the meeting date changes (a deferral, a new date), cancelled
/// when the cycle closes (those that have not decided yet). Call <see cref="SyncAsync"/> with the cycle as the read model has it, at every change of the
/// cycle, as often as you like: it compares with what <see cref="MeetingEventStore"/> says was sent and sends only the
/// difference, so retries and repeated calls create no second event and send no second update.
/// </summary>
public sealed class MeetingInvitations(IMeetingCalendar calendar, MeetingEventStore store, IOptions<WorkflowOptions> options, TimeProvider time)
{
    /// <summary>Brings the meeting events of <paramref name="cycle"/> up to date. Idempotent.</summary>
    public async Task SyncAsync(CycleView cycle, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        var settings = options.Value.ToCouncilSettings();
        var today = CouncilClock.Today(time, settings);
        var decided = cycle.Decisions.Select(d => d.Body).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < cycle.Route.Count; i++)
        {
            var invite = Invite(cycle, i, cycle.Route[i], settings);
            var row = await store.FindAsync(cycle.CycleId, i, cancellationToken).ConfigureAwait(false);
            if (cycle.Stage == CycleStage.Closed)
            {
                // A meeting that already decided on the report happened: only the ones still to come are cancelled.
                if (decided.Contains(cycle.Route[i].Body))
                {
                    continue;
                }

                await CancelAsync(row, invite, cycle, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (row is null)
            {
                // No event yet: only for meetings still to come on a live cycle.
                if (cycle.Stage == CycleStage.Adopted || invite.Date < today)
                {
                    continue;
                }

                row = await store.AddAsync(new MeetingEventRow
                {
                    CycleId = cycle.CycleId,
                    RouteIndex = i,
                    TransactionId = invite.TransactionId,
                    Organizer = invite.Organizer.Email,
                    When = invite.When,
                }, cancellationToken).ConfigureAwait(false);
            }

            if (row.Cancelled)
            {
                continue;
            }

            if (row.EventId.Length == 0)
            {
                await CreateAsync(row, invite, cancellationToken).ConfigureAwait(false);
            }
            else if (row.When != invite.When)
            {
                var moved = invite with { Sequence = row.Sequence + 1, Organizer = OrganizerOf(row, invite) };
                await calendar.UpdateAsync(row.EventId, moved, cancellationToken).ConfigureAwait(false);
                await store.TryUpdateAsync(row with { When = invite.When, Sequence = moved.Sequence }, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task CreateAsync(MeetingEventRow row, MeetingInvite invite, CancellationToken cancellationToken)
    {
        var sent = invite with { Sequence = row.Sequence, TransactionId = row.TransactionId, Organizer = OrganizerOf(row, invite) };
        var id = await calendar.CreateAsync(sent, cancellationToken).ConfigureAwait(false);
        if (!await store.TryUpdateAsync(row with { EventId = id, When = invite.When }, cancellationToken).ConfigureAwait(false))
        {
            // Another sync completed it meanwhile (with the same transaction id, so the same event): its row stands.
            return;
        }
    }

    private async Task CancelAsync(MeetingEventRow? row, MeetingInvite invite, CycleView cycle, CancellationToken cancellationToken)
    {
        if (row is null || row.Cancelled)
        {
            return;
        }

        var eventId = row.EventId;
        if (eventId.Length == 0)
        {
            // The create may have reached the provider before an interruption: finish it (same transaction id) to cancel it.
            eventId = await calendar.CreateAsync(invite with { TransactionId = row.TransactionId, Organizer = OrganizerOf(row, invite) }, cancellationToken).ConfigureAwait(false);
        }

        var cancelled = invite with { Sequence = row.Sequence + 1, Organizer = OrganizerOf(row, invite) };
        var comment = $"The review cycle \"{CalendarText.OneLine(cycle.Title)}\" has closed" + (string.IsNullOrWhiteSpace(cycle.ClosedReason) ? "." : $": {CalendarText.OneLine(cycle.ClosedReason)}");
        await calendar.CancelAsync(eventId, cancelled, comment, cancellationToken).ConfigureAwait(false);
        await store.TryUpdateAsync(row with { EventId = eventId, Cancelled = true, Sequence = cancelled.Sequence }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Updates go to the calendar the event was created in, even if the step's clerk changed since.</summary>
    private static InvitePerson OrganizerOf(MeetingEventRow row, MeetingInvite invite) =>
        string.Equals(row.Organizer, invite.Organizer.Email, StringComparison.OrdinalIgnoreCase) || row.Organizer.Length == 0
            ? invite.Organizer
            : new InvitePerson(row.Organizer, row.Organizer);

    /// <summary>The invitation for route step <paramref name="index"/> as the cycle now stands.</summary>
    public static MeetingInvite Invite(CycleView cycle, int index, RouteStep step, CouncilSettings settings)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(step);
        var uid = CycleCalendarItems.Uid(cycle.CycleId, CalendarItemKind.Meeting, index);
        var lead = new InvitePerson(cycle.Lead.Email, cycle.Lead.Name);
        var clerk = string.IsNullOrWhiteSpace(step.ClerkEmail) ? null : new InvitePerson(step.ClerkEmail, "Committee clerk");
        DateTimeOffset? start = step.MeetingTime is { } at ? new DateTimeOffset(CouncilTime.At(step.MeetingDate, at, settings), TimeSpan.Zero) : null;
        return new MeetingInvite
        {
            Uid = uid,
            TransactionId = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(uid)))[..32],
            CycleId = cycle.CycleId,
            RouteIndex = index,
            Subject = CalendarText.OneLine($"{step.Body}: {cycle.Title}"),
            Description = CalendarText.MultiLine($"{step.Body} considers the report on {cycle.Title}" + (step.KeyDecision ? " (a key decision)" : "")
                + $". The report must be published by {DateText.Format(ClearDays.LatestPublicationDate(step.MeetingDate, settings))}."),
            Date = step.MeetingDate,
            Start = start,
            End = start + CycleCalendarItems.MeetingLength,
            Organizer = clerk ?? lead,
            Attendees = clerk is null || string.Equals(clerk.Email, lead.Email, StringComparison.OrdinalIgnoreCase) ? [] : [lead],
        };
    }
}
