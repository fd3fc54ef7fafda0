using System.Collections.Concurrent;

namespace ReviewWorkflow.Notifications.Email;

/// <summary>Process-local ledger: enough for tests and the local outbox; forgets everything on restart.</summary>
public sealed class InMemoryEmailSendLedger : IEmailSendLedger
{
    private readonly ConcurrentDictionary<string, EmailSendResult> _sent = new(StringComparer.Ordinal);

    public Task<EmailSendResult?> FindAsync(string idempotencyKey, CancellationToken cancellationToken = default)
        => Task.FromResult(_sent.TryGetValue(idempotencyKey, out var result) ? result : null);

    public Task RecordAsync(string idempotencyKey, EmailSendResult result, CancellationToken cancellationToken = default)
    {
        _sent.TryAdd(idempotencyKey, result);
        return Task.CompletedTask;
    }
}
