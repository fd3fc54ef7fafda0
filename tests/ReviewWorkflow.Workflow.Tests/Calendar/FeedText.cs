using System.Globalization;
using Ical.Net.CalendarComponents;

namespace ReviewWorkflow.Workflow.Tests.Calendar;

/// <summary>Reads a feed back with Ical.Net into comparable rows (the second parser's script prints the same shape).</summary>
internal static class FeedText
{
    public sealed record Row(string Uid, string Summary, string Start, string Status);

    public static List<Row> Parse(string ics)
    {
        var calendar = Ical.Net.Calendar.Load(ics) ?? throw new InvalidOperationException("Ical.Net read no calendar.");
        return [.. calendar.Events.Select(ToRow).OrderBy(r => r.Uid, StringComparer.Ordinal)];
    }

    private static Row ToRow(CalendarEvent e)
    {
        var start = e.DtStart!;
        var text = start.HasTime
            ? start.Value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "Z"
            : start.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new Row(e.Uid!, e.Summary ?? "", text, e.Status ?? "");
    }

    /// <summary>The unfolded lines' raw physical lines: what line-length rules apply to.</summary>
    public static string[] PhysicalLines(string ics) => ics.Split("\r\n");
}
