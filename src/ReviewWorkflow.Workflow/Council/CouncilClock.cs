namespace ReviewWorkflow.Workflow.Council;

/// <summary>Turns an instant into the council's calendar date (a consultation closing "on 3 March" closes at midnight UK time).</summary>
public static class CouncilClock
{
    public static DateOnly Today(TimeProvider time, CouncilSettings settings)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOf(time.GetUtcNow(), settings);
    }

    public static DateOnly DateOf(DateTimeOffset instant, CouncilSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZoneId);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
    }
}
