namespace ReviewWorkflow.Workflow.Calendar;

/// <summary>A calendar invitation to one committee meeting of a cycle, as <see cref="IMeetingCalendar"/> sends it.</summary>
public sealed record MeetingInvite
{
    /// <summary>The iCalendar UID (the feed's too): the same for every version of this meeting's event.</summary>
    public string Uid { get; init; } = "";

    /// <summary>Graph's <c>transactionId</c>: stable for the (cycle, route step), so a retried create makes no second event.</summary>
    public string TransactionId { get; init; } = "";

    public string CycleId { get; init; } = "";

    public int RouteIndex { get; init; }

    public string Subject { get; init; } = "";

    public string Description { get; init; } = "";

    public DateOnly Date { get; init; }

    /// <summary>UTC start and end of a timed meeting; null for a meeting whose time is not known yet (an all-day event).</summary>
    public DateTimeOffset? Start { get; init; }

    public DateTimeOffset? End { get; init; }

    /// <summary>Whose calendar holds the event: the committee clerk (the lead when the step names no clerk).</summary>
    public InvitePerson Organizer { get; init; } = new("", "");

    /// <summary>Everyone else invited: the lead (and the clerk when the lead organises).</summary>
    public IReadOnlyList<InvitePerson> Attendees { get; init; } = [];

    /// <summary>iCalendar SEQUENCE: 0 when created, +1 for each change (a moved date, a cancellation).</summary>
    public int Sequence { get; init; }

    /// <summary>What identifies the meeting's time: a change means the event must be updated.</summary>
    public string When => Start is { } s ? s.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", System.Globalization.CultureInfo.InvariantCulture) : Deadlines.DateText.Iso(Date);
}

/// <summary>Someone invited to a meeting.</summary>
public sealed record InvitePerson(string Email, string Name);
