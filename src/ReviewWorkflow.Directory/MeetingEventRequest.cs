namespace ReviewWorkflow.Directory;

/// <summary>A committee meeting to put in the organiser's calendar, inviting <see cref="Attendees"/>.</summary>
/// <param name="OrganizerUserId">Graph user id or UPN of the calendar owner (e.g. the committee clerk).</param>
/// <param name="TransactionId">Stable across retries of the calling activity; Graph uses it to avoid creating the
/// event twice (events' <c>transactionId</c>).</param>
public sealed record MeetingEventRequest(
    string OrganizerUserId,
    string Subject,
    DateTimeOffset Start,
    DateTimeOffset End,
    string? Location,
    IReadOnlyList<MeetingAttendee> Attendees,
    string? BodyHtml = null,
    string? TransactionId = null);

public sealed record MeetingAttendee(string Email, string? DisplayName = null);
