namespace ReviewWorkflow.Workflow.Deadlines;

/// <summary>The dates for one body on the route: the meeting, the last day to publish the report, and the key-decision notice.</summary>
public sealed record BodySchedule
{
    public int Index { get; init; }

    public string Body { get; init; } = "";

    public DateOnly MeetingDate { get; init; }

    public TimeOnly? MeetingTime { get; init; }

    public bool KeyDecision { get; init; }

    /// <summary>The last day to publish the agenda and report (meeting minus the publication clear days).</summary>
    public DateOnly PublicationDate { get; init; }

    /// <summary>Reminders to lead and clerk before <see cref="PublicationDate"/>.</summary>
    public IReadOnlyList<DateOnly> PublicationReminders { get; init; } = [];

    /// <summary>The last day to publish the key-decision notice; null when this is not a key decision.</summary>
    public DateOnly? KeyDecisionNoticeDate { get; init; }

    public IReadOnlyList<DateOnly> KeyDecisionNoticeReminders { get; init; } = [];
}
