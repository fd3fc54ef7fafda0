using System.Collections.Concurrent;

namespace ReviewWorkflow.Workflow.Caching;

/// <summary>A thread-safe map with at most <c>capacity</c> entries; when full, the least recently used quarter goes.</summary>
internal sealed class BoundedCache<TKey, TValue>(int capacity)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Entry> _entries = new();
    private long _tick;

    public int Count => _entries.Count;

    public bool TryGet(TKey key, out TValue value)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            entry.LastUsed = Interlocked.Increment(ref _tick);
            value = entry.Value;
            return true;
        }

        value = default!;
        return false;
    }

    public void Set(TKey key, TValue value)
    {
        _entries[key] = new Entry(value) { LastUsed = Interlocked.Increment(ref _tick) };
        if (_entries.Count > capacity)
        {
            foreach (var (old, _) in _entries.OrderBy(e => e.Value.LastUsed).Take(Math.Max(1, _entries.Count - (capacity * 3 / 4))).ToList())
            {
                _entries.TryRemove(old, out _);
            }
        }
    }

    public void Remove(TKey key) => _entries.TryRemove(key, out _);

    private sealed class Entry(TValue value)
    {
        public TValue Value { get; } = value;

        public long LastUsed { get; set; }
    }
}
