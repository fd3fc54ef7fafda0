using System.Globalization;

namespace ReviewWorkflow.Workflow.Deadlines;

/// <summary>Dates as people in English councils write them ("3 March 2027"), and the one list of forms a typed date
/// is accepted in: ISO (what date inputs send), "3/3/2027" and "3 3 2027".</summary>
public static class DateText
{
    /// <summary>The forms <see cref="TryParse"/> accepts.</summary>
    public static readonly IReadOnlyList<string> AcceptedFormats = ["yyyy-MM-dd", "d/M/yyyy", "d M yyyy"];

    private static readonly string[] Formats = [.. AcceptedFormats];

    public static string Format(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string WithDay(DateOnly date) => date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>ISO (yyyy-MM-dd), as date inputs and the API use; empty for <c>default</c>.</summary>
    public static string Iso(DateOnly date) => date == default ? "" : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A date typed in one of <see cref="AcceptedFormats"/> (surrounding spaces ignored).</summary>
    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
