using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace ReviewWorkflow.Workflow.Calendar;

/// <summary>An iTIP (RFC 5546) message for one meeting invitation: METHOD:REQUEST for a new or moved meeting,
/// METHOD:CANCEL for a cancelled one, with the meeting's stable UID and its SEQUENCE.</summary>
public static class InviteCalendar
{
    public static string Write(MeetingInvite invite, bool cancel, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(invite);
        var calendar = new Ical.Net.Calendar { ProductId = CalendarFeed.ProductId, Method = cancel ? "CANCEL" : "REQUEST" };
        var calendarEvent = new CalendarEvent
        {
            Uid = invite.Uid,
            Sequence = invite.Sequence,
            Summary = CalendarText.OneLine(invite.Subject),
            Description = CalendarText.MultiLine(invite.Description),
            DtStamp = new CalDateTime(stamp.UtcDateTime, "UTC"),
            Status = cancel ? EventStatus.Cancelled : EventStatus.Confirmed,
            Organizer = new Organizer("mailto:" + invite.Organizer.Email) { CommonName = CalendarText.OneLine(invite.Organizer.Name) },
        };
        if (invite.Start is { } start && invite.End is { } end)
        {
            calendarEvent.DtStart = new CalDateTime(start.UtcDateTime, "UTC");
            calendarEvent.DtEnd = new CalDateTime(end.UtcDateTime, "UTC");
        }
        else
        {
            calendarEvent.DtStart = new CalDateTime(invite.Date);
            calendarEvent.DtEnd = new CalDateTime(invite.Date.AddDays(1));
        }

        foreach (var person in invite.Attendees)
        {
            calendarEvent.Attendees.Add(new Attendee("mailto:" + person.Email)
            {
                CommonName = CalendarText.OneLine(person.Name),
                Role = "REQ-PARTICIPANT",
                ParticipationStatus = "NEEDS-ACTION",
                Rsvp = true,
            });
        }

        calendar.Events.Add(calendarEvent);
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
