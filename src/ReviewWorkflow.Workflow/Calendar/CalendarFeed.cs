using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace ReviewWorkflow.Workflow.Calendar;

/// <summary>Writes calendar items as an iCalendar (RFC 5545) feed with Ical.Net: text through <see cref="CalendarText"/>,
/// then Ical.Net's escaping and line folding.</summary>
public static class CalendarFeed
{
    public const string ProductId = "-//Review a strategy//ReviewWorkflow//EN";

    public const string ContentType = "text/calendar; charset=utf-8";

    /// <param name="stamp">DTSTAMP of every event: when the feed's data last changed.</param>
    public static string Write(IEnumerable<CalendarItem> items, string name, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(items);
        var calendar = new Ical.Net.Calendar { ProductId = ProductId };
        calendar.AddProperty("X-WR-CALNAME", CalendarText.OneLine(name));
        foreach (var item in items)
        {
            calendar.Events.Add(ToEvent(item, stamp));
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    public static CalendarEvent ToEvent(CalendarItem item, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(item);
        var calendarEvent = new CalendarEvent
        {
            Uid = item.Uid,
            Summary = CalendarText.OneLine(item.Summary),
            Description = CalendarText.MultiLine(item.Description),
            DtStamp = new CalDateTime(stamp.UtcDateTime, "UTC"),
            Status = item.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            Class = item.Public ? "PUBLIC" : "PRIVATE",
            Transparency = item.Kind == CalendarItemKind.Meeting ? TransparencyType.Opaque : TransparencyType.Transparent,
        };
        if (item.Start is { } start && item.End is { } end)
        {
            calendarEvent.DtStart = new CalDateTime(start.UtcDateTime, "UTC");
            calendarEvent.DtEnd = new CalDateTime(end.UtcDateTime, "UTC");
        }
        else
        {
            calendarEvent.DtStart = new CalDateTime(item.Date);
            calendarEvent.DtEnd = new CalDateTime(item.Date.AddDays(1));
        }

        return calendarEvent;
    }
}
