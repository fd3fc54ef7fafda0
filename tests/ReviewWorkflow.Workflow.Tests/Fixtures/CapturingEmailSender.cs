using System.Collections.Concurrent;
using ReviewWorkflow.Notifications.Email;

namespace ReviewWorkflow.Workflow.Tests.Fixtures;

/// <summary>The "provider": records every message that would have left, with the fake clock's time.</summary>
internal sealed class CapturingEmailSender(TimeProvider time) : IEmailSender
{
    private readonly ConcurrentQueue<SentEmail> _sent = new();
    private int _counter;

    public IReadOnlyList<SentEmail> Sent => [.. _sent];

    public Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var category = message.Categories.Count > 1 ? message.Categories[1] : "";
        _sent.Enqueue(new SentEmail(now, message.To.Address, category, message.Subject, message.TextBody, message.IdempotencyKey));
        return Task.FromResult(new EmailSendResult($"msg-{Interlocked.Increment(ref _counter)}", "Test", now));
    }
}

internal sealed record SentEmail(DateTimeOffset At, string To, string Category, string Subject, string Text, string Key)
{
    public DateOnly Day => DateOnly.FromDateTime(At.UtcDateTime);

    public override string ToString() => $"{Day:yyyy-MM-dd} {Category} → {To}";
}

/// <summary>Wraps a sender so that, once, the call fails AFTER the message went (the process "died" before the activity finished).</summary>
internal sealed class FailAfterSendOnce(IEmailSender inner, string keyPrefix) : IEmailSender
{
    private int _failed;

    public int Failures => _failed;

    public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var result = await inner.SendAsync(message, cancellationToken);
        if (message.IdempotencyKey.StartsWith(keyPrefix, StringComparison.Ordinal) && Interlocked.CompareExchange(ref _failed, 1, 0) == 0)
        {
            throw new EmailSendException("Connection reset after the provider accepted the message.", null, isTransient: true);
        }

        return result;
    }
}
