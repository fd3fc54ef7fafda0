using System.Globalization;
using System.Net;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.Events.Item.Cancel;

namespace ReviewWorkflow.Workflow.Calendar;

/// <summary>
/// Meeting invitations in Microsoft 365 calendars through Microsoft Graph (the app's Graph client, application
/// permission Calendars.ReadWrite): the event lives in the organizer's (the clerk's) calendar and Exchange sends the
/// attendees the invitation, the update and the cancellation. Create carries <c>transactionId</c>, which Graph uses to
/// refuse a second event for a retried POST.
/// </summary>
public sealed class GraphMeetingCalendar(GraphServiceClient graph) : IMeetingCalendar
{
    public async Task<string> CreateAsync(MeetingInvite invite, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invite);
        var created = await graph.Users[invite.Organizer.Email].Events.PostAsync(ToEvent(invite, withAttendees: true), cancellationToken: cancellationToken).ConfigureAwait(false);
        return created?.Id ?? throw new InvalidOperationException("Microsoft Graph created the event but returned no id.");
    }

    public async Task UpdateAsync(string eventId, MeetingInvite invite, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        ArgumentNullException.ThrowIfNull(invite);
        var patch = ToEvent(invite, withAttendees: false);
        patch.TransactionId = null;
        await graph.Users[invite.Organizer.Email].Events[eventId].PatchAsync(patch, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async Task CancelAsync(string eventId, MeetingInvite invite, string comment, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        ArgumentNullException.ThrowIfNull(invite);
        await graph.Users[invite.Organizer.Email].Events[eventId].Cancel
            .PostAsync(new CancelPostRequestBody { Comment = comment }, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static Event ToEvent(MeetingInvite invite, bool withAttendees)
    {
        var allDay = invite.Start is null;
        var start = invite.Start?.UtcDateTime ?? invite.Date.ToDateTime(TimeOnly.MinValue);
        var end = invite.End?.UtcDateTime ?? invite.Date.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new Event
        {
            Subject = invite.Subject,
            Body = new ItemBody { ContentType = BodyType.Html, Content = "<p>" + WebUtility.HtmlEncode(invite.Description).Replace("\n", "<br>", StringComparison.Ordinal) + "</p>" },
            Start = new DateTimeTimeZone { DateTime = start.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture), TimeZone = "UTC" },
            End = new DateTimeTimeZone { DateTime = end.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture), TimeZone = "UTC" },
            IsAllDay = allDay,
            Attendees = withAttendees
                ? [.. invite.Attendees.Select(a => new Attendee { EmailAddress = new EmailAddress { Address = a.Email, Name = a.Name }, Type = AttendeeType.Required })]
                : null,
            TransactionId = invite.TransactionId,
        };
    }
}
