using System.Collections.Concurrent;

namespace ReviewWorkflow.Web.Consultees;

/// <summary>
/// Remembers the answer to each <c>PUT /api/responses/{token}</c> sent with an <c>Idempotency-Key</c> for a day, so a
/// retry gets the first answer without writing again (and a stale retry cannot overwrite a newer save). In memory:
/// after a restart a retry simply saves again, which the store makes harmless when the content is the same.
/// Submissions need none of this: the response store keeps the submission's key itself.
/// </summary>
public sealed class IdempotentSaves(TimeProvider time)
{
    private const int MaxEntries = 50_000;
    private static readonly TimeSpan Keep = TimeSpan.FromDays(1);
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    internal sealed record Entry(string RequestHash, int Status, string Body, string? ETag, DateTimeOffset Expires);

    internal Entry? Find(string consulteeKey, string idempotencyKey)
        => _entries.TryGetValue(Key(consulteeKey, idempotencyKey), out var entry) && entry.Expires > time.GetUtcNow() ? entry : null;

    internal void Remember(string consulteeKey, string idempotencyKey, string requestHash, int status, string body, string? etag)
    {
        var now = time.GetUtcNow();
        if (_entries.Count >= MaxEntries)
        {
            foreach (var (key, entry) in _entries)
            {
                if (entry.Expires <= now || _entries.Count >= MaxEntries)
                {
                    _entries.TryRemove(key, out _);
                }
            }
        }

        _entries[Key(consulteeKey, idempotencyKey)] = new Entry(requestHash, status, body, etag, now + Keep);
    }

    private static string Key(string consulteeKey, string idempotencyKey) => consulteeKey + "\n" + idempotencyKey;
}
