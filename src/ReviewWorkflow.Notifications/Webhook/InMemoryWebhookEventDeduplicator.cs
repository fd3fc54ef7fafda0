using System.Collections.Concurrent;

namespace ReviewWorkflow.Notifications.Webhook;

/// <summary>Process-local deduplicator. Keeps keys for <see cref="Retention"/> (longer than SendGrid's 24 h of
/// retries), evicting old ones as new ones arrive.</summary>
public sealed class InMemoryWebhookEventDeduplicator : IWebhookEventDeduplicator
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _claimed = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private long _claimsSinceSweep;

    public InMemoryWebhookEventDeduplicator(TimeProvider time) => _time = time;

    public static TimeSpan Retention { get; } = TimeSpan.FromHours(72);

    public ValueTask<bool> TryClaimAsync(string eventKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventKey);
        var now = _time.GetUtcNow();
        if (Interlocked.Increment(ref _claimsSinceSweep) % 1024 == 0)
        {
            foreach (var (key, claimedAt) in _claimed)
            {
                if (now - claimedAt > Retention)
                {
                    _claimed.TryRemove(key, out _);
                }
            }
        }

        return ValueTask.FromResult(_claimed.TryAdd(eventKey, now));
    }

    public ValueTask ReleaseAsync(string eventKey, CancellationToken cancellationToken = default)
    {
        _claimed.TryRemove(eventKey, out _);
        return ValueTask.CompletedTask;
    }
}
