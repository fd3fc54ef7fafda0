using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Deadlines;

namespace ReviewWorkflow.Workflow.Ratification;

/// <summary>
/// The escalation of a decision not recorded after its meeting (pure): to the clerk and the lead on the working day
/// after the meeting, then every week (on the next working day when that day is not one) until it is recorded. After a
/// jump in time only the latest escalation goes (one email saying "still not recorded", not one per week missed).
/// </summary>
public static class DecisionEscalation
{
    /// <summary>The key of the escalation in week <paramref name="week"/> (0 keeps the key of the original one-off nudge,
    /// so cycles already running do not send it twice).</summary>
    public static string Key(int bodyIndex, DateOnly meeting, int week) =>
        week == 0 ? $"decision-due/{bodyIndex}/{meeting:yyyy-MM-dd}" : $"decision-due/{bodyIndex}/{meeting:yyyy-MM-dd}/week-{week}";

    /// <summary>The day of the escalation in week <paramref name="week"/>.</summary>
    public static DateOnly Day(DateOnly meeting, int week, CouncilSettings settings)
    {
        var day = RatificationReminders.DecisionNudgeDay(meeting, settings);
        if (week == 0)
        {
            return day;
        }

        day = day.AddDays(7 * week);
        while (!ClearDays.IsWorkingDay(day, settings))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>The week whose escalation is due now and not yet sent, or null.</summary>
    public static int? DueNow(int bodyIndex, DateOnly meeting, IReadOnlyCollection<string> sent, DateTime now, CouncilSettings settings)
    {
        ArgumentNullException.ThrowIfNull(sent);
        var week = LatestStarted(meeting, now, settings);
        return week is { } w && !sent.Contains(Key(bodyIndex, meeting, w)) ? w : null;
    }

    /// <summary>When the next escalation after those due by <paramref name="now"/> is sent.</summary>
    public static DateTime Next(DateOnly meeting, DateTime now, CouncilSettings settings)
    {
        var week = (LatestStarted(meeting, now, settings) ?? -1) + 1;
        return CouncilTime.SendAt(Day(meeting, week, settings), settings);
    }

    private static int? LatestStarted(DateOnly meeting, DateTime now, CouncilSettings settings)
    {
        int? latest = null;
        for (var week = 0; CouncilTime.SendAt(Day(meeting, week, settings), settings) <= now; week++)
        {
            latest = week;
        }

        return latest;
    }
}
