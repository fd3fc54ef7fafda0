using System.Collections.Concurrent;
using ReviewWorkflow.Notifications.Email;

namespace ReviewWorkflow.Workflow.Tests.Calendar;

/// <summary>The email "provider" for invitation tests: keeps whole messages (with their .ics attachments).</summary>
internal sealed class MessageCapture : IEmailSender
{
    private readonly ConcurrentQueue<EmailMessage> _sent = new();

    public IReadOnlyList<EmailMessage> Sent => [.. _sent];

    public Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        EmailValidation.Validate(message);
        _sent.Enqueue(message);
        return Task.FromResult(new EmailSendResult("msg-" + _sent.Count, "Test", DateTimeOffset.UnixEpoch));
    }
}

/// <summary>A calendar that, once, "dies" right after the provider created the event (before the row records its id).</summary>
internal sealed class CrashAfterCreateOnce(Workflow.Calendar.IMeetingCalendar inner) : Workflow.Calendar.IMeetingCalendar
{
    private int _crashed;

    public async Task<string> CreateAsync(Workflow.Calendar.MeetingInvite invite, CancellationToken cancellationToken = default)
    {
        var id = await inner.CreateAsync(invite, cancellationToken);
        if (Interlocked.Exchange(ref _crashed, 1) == 0)
        {
            throw new TimeoutException("The activity died after the event was created.");
        }

        return id;
    }

    public Task UpdateAsync(string eventId, Workflow.Calendar.MeetingInvite invite, CancellationToken cancellationToken = default) => inner.UpdateAsync(eventId, invite, cancellationToken);

    public Task CancelAsync(string eventId, Workflow.Calendar.MeetingInvite invite, string comment, CancellationToken cancellationToken = default) => inner.CancelAsync(eventId, invite, comment, cancellationToken);
}
