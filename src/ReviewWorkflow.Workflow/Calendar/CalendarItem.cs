namespace ReviewWorkflow.Workflow.Calendar;

/// <summary>One event of a cycle's calendar. <see cref="Uid"/> depends only on the cycle, the kind and the place on the
/// route, never on the date, so a deferral moves the event in a subscriber's calendar instead of adding another.</summary>
public sealed record CalendarItem
{
    public string Uid { get; init; } = "";

    public string CycleId { get; init; } = "";

    public CalendarItemKind Kind { get; init; }

    public int? RouteIndex { get; init; }

    public string Summary { get; init; } = "";

    public string Description { get; init; } = "";

    public DateOnly Date { get; init; }

    /// <summary>Start as UTC for a timed meeting; null for an all-day item.</summary>
    public DateTimeOffset? Start { get; init; }

    public DateTimeOffset? End { get; init; }

    /// <summary>A meeting of a closed cycle that did not take the report: kept with STATUS:CANCELLED so calendars drop it.</summary>
    public bool Cancelled { get; init; }

    public bool Public => Kind == CalendarItemKind.Meeting;
}
