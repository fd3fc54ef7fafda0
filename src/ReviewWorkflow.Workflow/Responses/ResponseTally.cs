using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;

namespace ReviewWorkflow.Workflow.Responses;

/// <summary>
/// Each cycle's response statuses as last read, kept for <see cref="Freshness"/> so the dashboard, the clerk's list and
/// the cycle page under load do not query every response of every cycle on every view. This process's own writes update
/// the held tally at once (a consultee's submission shows on the next page), and a read that overlapped one of them is
/// not kept; a write by another process (another web instance) shows within <see cref="Freshness"/>.
/// </summary>
internal sealed class ResponseTally
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _writes = new(StringComparer.Ordinal);

    public async Task<IReadOnlyDictionary<string, (ResponseStatus Status, bool Late)>> GetAsync(string cycleId,
        Func<Task<Dictionary<string, (ResponseStatus Status, bool Late)>>> read)
    {
        if (_entries.TryGetValue(cycleId, out var held) && Stopwatch.GetElapsedTime(held.ReadAt) < Freshness)
        {
            return held.Rows;
        }

        var writesBefore = _writes.GetValueOrDefault(cycleId);
        var readAt = Stopwatch.GetTimestamp();
        var rows = (await read().ConfigureAwait(false)).ToImmutableDictionary(StringComparer.Ordinal);
        if (_writes.GetValueOrDefault(cycleId) == writesBefore)
        {
            _entries[cycleId] = new Entry(readAt, rows);
        }

        return rows;
    }

    /// <summary>This process wrote a consultee's response (after the write succeeded).</summary>
    public void Written(string cycleId, string consulteeId, ResponseStatus status, bool late)
    {
        _writes.AddOrUpdate(cycleId, 1, (_, n) => n + 1);
        while (_entries.TryGetValue(cycleId, out var held))
        {
            if (_entries.TryUpdate(cycleId, held with { Rows = held.Rows.SetItem(consulteeId, (status, late)) }, held))
            {
                break;
            }
        }
    }

    private sealed record Entry(long ReadAt, ImmutableDictionary<string, (ResponseStatus Status, bool Late)> Rows);
}
