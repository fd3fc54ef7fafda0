using System.Globalization;
using System.Net;
using ReviewWorkflow.Notifications.Email;

namespace ReviewWorkflow.Workflow.Calendar;

/// <summary>
/// Meeting invitations without a Graph tenant: an email to the organizer and to each attendee with the iTIP message
/// attached (<c>meeting.ics</c>), through the app's <see cref="IEmailSender"/> (the local outbox locally). The event
/// id is the UID. Each email's idempotency key names the UID, SEQUENCE, method and recipient, so a retry sends nothing twice.
/// </summary>
public sealed class OutboxMeetingCalendar(IEmailSender email, TimeProvider time) : IMeetingCalendar
{
    public async Task<string> CreateAsync(MeetingInvite invite, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invite);
        await SendAsync(invite, cancel: false, "Invitation", null, cancellationToken).ConfigureAwait(false);
        return invite.Uid;
    }

    public Task UpdateAsync(string eventId, MeetingInvite invite, CancellationToken cancellationToken = default) =>
        SendAsync(invite, cancel: false, "Moved", null, cancellationToken);

    public Task CancelAsync(string eventId, MeetingInvite invite, string comment, CancellationToken cancellationToken = default) =>
        SendAsync(invite, cancel: true, "Cancelled", comment, cancellationToken);

    private async Task SendAsync(MeetingInvite invite, bool cancel, string what, string? comment, CancellationToken cancellationToken)
    {
        var ics = InviteCalendar.Write(invite, cancel, time.GetUtcNow());
        var when = invite.Start is { } start
            ? start.UtcDateTime.ToString("d MMMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture)
            : Deadlines.DateText.Format(invite.Date);
        var text = $"{what}: {invite.Subject}, {when}.\n\n{invite.Description}" + (comment is null ? "" : "\n\n" + comment)
            + "\n\nThe calendar event is attached (meeting.ics).";
        foreach (var person in new[] { invite.Organizer }.Concat(invite.Attendees))
        {
            await email.SendAsync(new EmailMessage
            {
                To = new EmailRecipient(person.Email),
                Subject = $"{what}: {invite.Subject}",
                TextBody = text,
                HtmlBody = "<p>" + WebUtility.HtmlEncode(text).Replace("\n", "<br>", StringComparison.Ordinal) + "</p>",
                Attachments = [new EmailAttachment("meeting.ics", $"text/calendar; charset=utf-8; method={(cancel ? "CANCEL" : "REQUEST")}", ics)],
                Categories = ["review-workflow", "meeting-invitation"],
                CustomArgs = new Dictionary<string, string> { ["cycleId"] = invite.CycleId },
                IdempotencyKey = string.Create(CultureInfo.InvariantCulture, $"meeting-invitation:{invite.Uid}:{invite.Sequence}:{(cancel ? "cancel" : "request")}:{person.Email.ToLowerInvariant()}"),
            }, cancellationToken).ConfigureAwait(false);
        }
    }
}
