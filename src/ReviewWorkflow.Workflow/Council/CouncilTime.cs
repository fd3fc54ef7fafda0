namespace ReviewWorkflow.Workflow.Council;

/// <summary>
/// Council calendar dates to UTC instants for durable timers. Pure (the time zone rules are data), so orchestrators may
/// call it on replay.
/// </summary>
public static class CouncilTime
{
    /// <summary><paramref name="date"/> at <see cref="CouncilSettings.SendTime"/>, council time, as UTC.</summary>
    public static DateTime SendAt(DateOnly date, CouncilSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return At(date, settings.SendTime, settings);
    }

    /// <summary>The first instant after <paramref name="date"/> ends in the council's time zone (midnight), as UTC.</summary>
    public static DateTime EndOfDay(DateOnly date, CouncilSettings settings) => At(date.AddDays(1), TimeOnly.MinValue, settings);

    public static DateTime At(DateOnly date, TimeOnly time, CouncilSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZoneId);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    /// <summary>The council's date at a UTC instant (e.g. an orchestration's current time).</summary>
    public static DateOnly DateOf(DateTime utc, CouncilSettings settings) =>
        CouncilClock.DateOf(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), settings);
}
