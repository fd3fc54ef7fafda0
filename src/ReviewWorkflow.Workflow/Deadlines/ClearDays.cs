using ReviewWorkflow.Workflow.Council;

namespace ReviewWorkflow.Workflow.Deadlines;

/// <summary>
/// Statutory "clear days": the days strictly between publication and the meeting (neither end counts). Whether weekends
/// and bank holidays are clear days is a council setting; by default they are not (the cautious reading).
/// Pure functions of their arguments.
/// </summary>
public static class ClearDays
{
    /// <summary>True when <paramref name="day"/> counts as a clear day under <paramref name="settings"/>.</summary>
    public static bool Counts(DateOnly day, CouncilSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.WeekendsCount && IsWeekend(day))
        {
            return false;
        }

        return settings.BankHolidaysCount || !settings.BankHolidays.Contains(day);
    }

    /// <summary>Clear days strictly between <paramref name="from"/> (e.g. publication) and <paramref name="to"/> (e.g. the meeting); 0 if none.</summary>
    public static int CountClearDays(DateOnly from, DateOnly to, CouncilSettings settings)
    {
        var count = 0;
        for (var day = from.AddDays(1); day < to; day = day.AddDays(1))
        {
            if (Counts(day, settings))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The last day to publish the agenda and report: <see cref="CouncilSettings.PublicationClearDays"/> clear days before the meeting.</summary>
    public static DateOnly LatestPublicationDate(DateOnly meetingDate, CouncilSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return LatestDayBefore(meetingDate, settings.PublicationClearDays, settings);
    }

    /// <summary>The last day to publish a key-decision notice: <see cref="CouncilSettings.KeyDecisionNoticeClearDays"/> clear days before the meeting.</summary>
    public static DateOnly KeyDecisionNoticeDate(DateOnly meetingDate, CouncilSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return LatestDayBefore(meetingDate, settings.KeyDecisionNoticeClearDays, settings);
    }

    /// <summary>
    /// The latest day to publish so that <paramref name="clearDays"/> clear days remain before <paramref name="meetingDate"/>.
    /// When that day is itself not a counted day (a weekend or bank holiday the council does not count), the answer moves
    /// back to the last counted day before it, because nobody is there to publish.
    /// </summary>
    public static DateOnly LatestDayBefore(DateOnly meetingDate, int clearDays, CouncilSettings settings)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(clearDays);
        var day = meetingDate;
        for (var counted = 0; counted < clearDays;)
        {
            day = day.AddDays(-1);
            if (Counts(day, settings))
            {
                counted++;
            }
        }

        var publish = day.AddDays(-1);
        while (!Counts(publish, settings))
        {
            publish = publish.AddDays(-1);
        }

        return publish;
    }

    /// <summary>The earliest meeting date that still leaves <paramref name="clearDays"/> clear days after publishing on <paramref name="publishedOn"/>.</summary>
    public static DateOnly EarliestMeetingAfter(DateOnly publishedOn, int clearDays, CouncilSettings settings)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(clearDays);
        var day = publishedOn;
        for (var counted = 0; counted < clearDays;)
        {
            day = day.AddDays(1);
            if (Counts(day, settings))
            {
                counted++;
            }
        }

        return day.AddDays(1);
    }

    /// <summary>A weekday that is not a bank holiday in the settings' list (used to move reminders off days nobody reads email).</summary>
    public static bool IsWorkingDay(DateOnly day, CouncilSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return !IsWeekend(day) && !settings.BankHolidays.Contains(day);
    }

    /// <summary><paramref name="day"/>, or the last working day before it.</summary>
    public static DateOnly OnOrBeforeWorkingDay(DateOnly day, CouncilSettings settings)
    {
        while (!IsWorkingDay(day, settings))
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    /// <summary><paramref name="day"/>, or the first working day after it (a due date never falls on a day off).</summary>
    public static DateOnly OnOrAfterWorkingDay(DateOnly day, CouncilSettings settings)
    {
        while (!IsWorkingDay(day, settings))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
