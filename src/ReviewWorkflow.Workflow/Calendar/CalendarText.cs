namespace ReviewWorkflow.Workflow.Calendar;

/// <summary>Text that people typed, made safe for an iCalendar property value. Ical.Net escapes commas, semicolons,
/// backslashes and line breaks and folds long lines; what is left to us: a lone CR (which some readers take as a line
/// break, ending the property early) becomes LF, other control characters go, and one-line properties (SUMMARY,
/// LOCATION) get no line breaks at all.</summary>
public static class CalendarText
{
    public const int MaxLength = 2000;

    public static string MultiLine(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var normalised = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var kept = new string([.. normalised.Where(c => c == '\n' || !char.IsControl(c))]);
        return kept.Length > MaxLength ? kept[..MaxLength] + "…" : kept;
    }

    public static string OneLine(string? text) =>
        string.Join(' ', MultiLine(text).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
