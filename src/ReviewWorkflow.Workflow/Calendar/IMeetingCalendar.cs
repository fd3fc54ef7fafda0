namespace ReviewWorkflow.Workflow.Calendar;

/// <summary>Where committee meeting invitations go: Microsoft Graph calendars (<see cref="GraphMeetingCalendar"/>) when a
/// tenant is configured, otherwise emails with .ics attachments in the local outbox (<see cref="OutboxMeetingCalendar"/>).
/// Each call may be retried: implementations make a retried call do nothing new.</summary>
public interface IMeetingCalendar
{
    /// <summary>Creates the event in the organizer's calendar, inviting the attendees; returns its id. A retry with the
    /// same <see cref="MeetingInvite.TransactionId"/> returns the same event.</summary>
    Task<string> CreateAsync(MeetingInvite invite, CancellationToken cancellationToken = default);

    /// <summary>Moves or renames the event (a deferral, a rescheduled meeting); attendees get the update.</summary>
    Task UpdateAsync(string eventId, MeetingInvite invite, CancellationToken cancellationToken = default);

    /// <summary>Cancels the event; attendees get the cancellation.</summary>
    Task CancelAsync(string eventId, MeetingInvite invite, string comment, CancellationToken cancellationToken = default);
}
