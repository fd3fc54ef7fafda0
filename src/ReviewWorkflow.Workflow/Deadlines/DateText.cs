using System.Globalization;

namespace ReviewWorkflow.Workflow.Deadlines;

/// <summary>Dates as people in English councils write them: "3 March 2027".</summary>
public static class DateText
{
    public static string Format(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string WithDay(DateOnly date) => date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);
}
