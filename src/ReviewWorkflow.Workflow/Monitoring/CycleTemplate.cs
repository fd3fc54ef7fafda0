using ReviewWorkflow.Workflow.Domain;

namespace ReviewWorkflow.Workflow.Monitoring;

/// <summary>
/// The next review, prefilled from the previous cycle: same strategy kind, owner, pledges, lead, task-and-finish group,
/// consultee groups and questions, and the same bodies on the route; the new period follows the old one with the same
/// length. Dates the lead must choose (consultation window, drafting deadline, meetings) are left empty, and the id is
/// left for the new cycle, so the template does not pass validation until the lead completes it.
/// </summary>
public static class CycleTemplate
{
    public static ReviewCycleDefinition From(ReviewCycleDefinition previous)
    {
        ArgumentNullException.ThrowIfNull(previous);
        var start = previous.Strategy.PeriodEnd.AddDays(1);
        var months = ((previous.Strategy.PeriodEnd.Year - previous.Strategy.PeriodStart.Year) * 12) + previous.Strategy.PeriodEnd.Month - previous.Strategy.PeriodStart.Month + 1;
        return previous with
        {
            Id = "",
            Strategy = previous.Strategy with
            {
                Title = NextTitle(previous.Strategy.Title, previous.Strategy.PeriodStart.Year, start.Year, previous.Strategy.PeriodEnd.Year, start.AddMonths(months).AddDays(-1).Year),
                PeriodStart = start,
                PeriodEnd = start.AddMonths(months).AddDays(-1),
                Expiry = null,
            },
            Consultation = previous.Consultation with { Opens = default, Closes = default },
            DraftingDeadline = default,
            Route = [.. previous.Route.Select(r => r with { MeetingDate = default })],
        };
    }

    /// <summary>"Pledge 2027-2030" → "Pledge 2030-2033" when the years appear in the title; otherwise unchanged.</summary>
    private static string NextTitle(string title, int oldStart, int newStart, int oldEnd, int newEnd)
    {
        var range = $"{oldStart}-{oldEnd}";
        return title.Contains(range, StringComparison.Ordinal) ? title.Replace(range, $"{newStart}-{newEnd}", StringComparison.Ordinal) : title;
    }
}
