using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;

namespace ReviewWorkflow.Workflow.Monitoring;

/// <summary>The Monitoring orchestration's input; <see cref="Next"/> moves on with each ContinueAsNew.</summary>
public sealed record MonitoringInput
{
    public string CycleId { get; init; } = "";

    public ReviewCycleDefinition Definition { get; init; } = new();

    public CouncilSettings Settings { get; init; } = CouncilSettings.Default;

    public DateOnly AdoptedOn { get; init; }

    /// <summary>The index into <see cref="MonitoringPlan.ProgressReports"/> of the next report to remind about.</summary>
    public int Next { get; init; }

    public CycleStatus Status { get; init; } = new();

    /// <summary>The parent's logical "now" when it started this stage (see <see cref="CycleInbox"/>).</summary>
    public DateTime Now { get; init; }
}

/// <summary>A progress report due on a date: "six-monthly" or "annual" (the longest period that divides its month count).</summary>
public sealed record ProgressReport(DateOnly Due, string Label, DateOnly RemindOn);

/// <summary>The monitoring dates of an adopted strategy (pure).</summary>
public static class MonitoringPlan
{
    /// <summary>
    /// Every multiple of each <see cref="CouncilSettings.ProgressReportMonths"/> period after adoption (6 and 12 by
    /// default: six-monthly reports, every second one the annual report), up to the next review's start; a due date on a
    /// weekend or bank holiday moves to the next working day.
    /// </summary>
    public static IReadOnlyList<ProgressReport> ProgressReports(ReviewCycleDefinition definition, CouncilSettings settings, DateOnly adoptedOn)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(settings);
        var periods = settings.ProgressReportMonths.Where(m => m > 0).Distinct().Order().ToList();
        var nextReview = NextReviewStart(definition, settings);
        var reports = new SortedDictionary<int, int>();
        foreach (var period in periods)
        {
            for (var months = period; adoptedOn.AddMonths(months) < nextReview; months += period)
            {
                reports[months] = period;
            }
        }

        return [.. reports.Select(r =>
        {
            var due = Deadlines.ClearDays.OnOrAfterWorkingDay(adoptedOn.AddMonths(r.Key), settings);
            var label = r.Value % 12 == 0 ? "annual" : r.Value == 6 ? "six-monthly" : $"{r.Value}-monthly";
            return new ProgressReport(due, label, Deadlines.ClearDays.OnOrBeforeWorkingDay(due.AddDays(-settings.ProgressReportReminderDays), settings));
        })];
    }

    /// <summary>Expiry minus the council's lead time, moved back to a working day.</summary>
    public static DateOnly NextReviewStart(ReviewCycleDefinition definition, CouncilSettings settings)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(settings);
        return Deadlines.ClearDays.OnOrBeforeWorkingDay(definition.Strategy.EffectiveExpiry.AddMonths(-settings.NextReviewLeadMonths), settings);
    }
}

/// <summary>Monitoring ends when the lead has been told to start the next review.</summary>
public sealed record MonitoringResult(DateOnly NextReviewNotifiedOn, CycleStatus Status, DateTime Now = default);
