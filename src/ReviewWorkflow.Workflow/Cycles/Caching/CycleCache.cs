using System.Collections.Concurrent;
using ReviewWorkflow.Workflow.Caching;
using ReviewWorkflow.Workflow.Consultation;

namespace ReviewWorkflow.Workflow.Cycles.Caching;

/// <summary>
/// What <see cref="ReviewCycleService"/> keeps in memory so a consultee's GET, save and submit do not read the cycle's
/// orchestrations (large JSON inputs) every time:
/// <list type="bullet">
/// <item>the cycle definition (<see cref="ReviewCycleInput"/>) per parent instance, which never changes once started
/// (keyed by instance id AND creation time, so a purged and re-created id is never served the old definition);</item>
/// <item>the consultation's input (the resolved consultees) per consultation instance, likewise immutable (a cycle id
/// is never reused for another cycle: starting a taken id is refused);</item>
/// <item>the list of cycles: fresh for <see cref="ListTtl"/>, then served while one background reload runs (at most
/// <see cref="ListMaxStale"/> old), never older than a start or command this process sent;</item>
/// <item>the live consultation status (closing date after extensions, closed early, stage) for at most
/// <see cref="StatusTtl"/>, loaded once for all concurrent callers. A command this process sends (extend, close, ...)
/// stops the status being served from memory until the status shows the command applied (or refused), so this process
/// never answers from a status older than its own command; other processes see a change within the TTL.</item>
/// </list>
/// Bounded: at most <see cref="Capacity"/> entries of each kind, least recently used evicted first.
/// </summary>
internal sealed class CycleCache(TimeProvider clock, int capacity = CycleCache.DefaultCapacity, TimeSpan? statusTtl = null, TimeSpan? listTtl = null)
{
    public const int DefaultCapacity = 256;

    /// <summary>How long a pending command bypasses the cache at most (if its effect never shows in the status).</summary>
    private static readonly TimeSpan PendingFor = TimeSpan.FromSeconds(30);

    private readonly BoundedCache<string, (DateTimeOffset CreatedAt, ReviewCycleInput Input)> _definitions = new(capacity);
    private readonly BoundedCache<string, (ConsultationInput Input, IReadOnlyDictionary<string, ResolvedConsultee> ById)> _consultations = new(capacity);
    private readonly BoundedCache<string, (DateTimeOffset LoadedAt, Task<LiveStatus?> Load)> _statuses = new(capacity);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, DateTimeOffset>> _pending = new(StringComparer.Ordinal);
    private readonly Lock _listGate = new();
    private (DateTimeOffset LoadedAt, Task<IReadOnlyList<CycleView>> Load)? _list;
    private Task? _refresh;

    /// <summary>Counts invalidations of the list, so a background reload that began before one never lands after it.</summary>
    private long _listGeneration;

    public int Capacity => capacity;

    public TimeSpan StatusTtl { get; } = statusTtl ?? TimeSpan.FromSeconds(1);

    /// <summary>How long the list of cycles is served from memory before one background reload starts. Longer than the
    /// status's TTL: the list is what the dashboard, the clerk's page and <c>GET /api/cycles</c> show people, reading it
    /// means every cycle's instances and a count per cycle, and this process's own starts and commands bypass it.</summary>
    public TimeSpan ListTtl { get; } = listTtl ?? TimeSpan.FromSeconds(5);

    /// <summary>How old a list may be served while its reload runs (after that, readers wait for a load).</summary>
    public TimeSpan ListMaxStale => ListTtl + TimeSpan.FromSeconds(10);

    /// <summary>Loads of the live status that went to storage (for tests and the benchmark notes).</summary>
    public long StatusLoads => Interlocked.Read(ref _statusLoads);

    private long _statusLoads;

    /// <summary>True when the definition of this instance (this execution: same creation time) is in memory.</summary>
    public bool HasDefinition(string instanceId, DateTimeOffset createdAt) =>
        _definitions.TryGet(instanceId, out var hit) && hit.CreatedAt == createdAt;

    public ReviewCycleInput? Definition(string instanceId, DateTimeOffset createdAt, Func<ReviewCycleInput?> read)
    {
        if (_definitions.TryGet(instanceId, out var hit) && hit.CreatedAt == createdAt)
        {
            return hit.Input;
        }

        var input = read();
        if (input is not null)
        {
            _definitions.Set(instanceId, (createdAt, input));
        }

        return input;
    }

    /// <summary>The consultation's input and its consultees by id, from memory when this instance was read before.</summary>
    public async Task<(ConsultationInput Input, IReadOnlyDictionary<string, ResolvedConsultee> ById)?> ConsultationAsync(
        string instanceId, Func<Task<ConsultationInput?>> read)
    {
        if (_consultations.TryGet(instanceId, out var hit))
        {
            return (hit.Input, hit.ById);
        }

        if (await read().ConfigureAwait(false) is not { } input)
        {
            return null;
        }

        var byId = new Dictionary<string, ResolvedConsultee>(StringComparer.Ordinal);
        foreach (var consultee in input.Consultees)
        {
            byId.TryAdd(consultee.Id, consultee);
        }

        _consultations.Set(instanceId, (input, byId));
        return (input, byId);
    }

    /// <summary>The live status of <paramref name="cycleId"/>: from memory when loaded less than <see cref="StatusTtl"/>
    /// ago and no command of this process is waiting to show; otherwise from <paramref name="load"/> (one load shared by
    /// every caller that asks meanwhile).</summary>
    public async Task<LiveStatus?> StatusAsync(string cycleId, Func<Task<LiveStatus?>> load)
    {
        var now = clock.GetUtcNow();
        var pending = HasPending(cycleId, now);
        if (!pending && _statuses.TryGet(cycleId, out var hit) && now - hit.LoadedAt < StatusTtl && now >= hit.LoadedAt)
        {
            var cached = await hit.Load.ConfigureAwait(false);
            if (cached is not null)
            {
                return cached;
            }
        }

        Interlocked.Increment(ref _statusLoads);
        var task = load();
        if (!pending)
        {
            _statuses.Set(cycleId, (now, task));
        }

        LiveStatus? status;
        try
        {
            status = await task.ConfigureAwait(false);
        }
        catch
        {
            _statuses.Remove(cycleId);
            throw;
        }

        if (status is null)
        {
            _statuses.Remove(cycleId);
        }
        else if (pending)
        {
            Settle(cycleId, status.RecentCommands);
        }

        return status;
    }

    /// <summary>The list of every cycle (the dashboard's, the clerk's and the API's). Loaded less than
    /// <see cref="ListTtl"/> ago: from memory. Older, but less than <see cref="ListMaxStale"/>: from memory at once
    /// while one reload runs in the background (so no reader waits for a reload, and readers never pile onto one).
    /// Older still, or a start or command of this process waiting to show: loaded now (one load shared meanwhile).</summary>
    public async Task<IReadOnlyList<CycleView>> ListAsync(Func<Task<IReadOnlyList<CycleView>>> load)
    {
        var now = clock.GetUtcNow();
        var pending = _pending.Keys.Any(cycleId => HasPending(cycleId, now));
        Task<IReadOnlyList<CycleView>> task;
        lock (_listGate)
        {
            var hit = _list is { } cached && now >= cached.LoadedAt && !cached.Load.IsFaulted ? cached : ((DateTimeOffset LoadedAt, Task<IReadOnlyList<CycleView>> Load)?)null;
            if (!pending && hit is { } fresh && now - fresh.LoadedAt < ListTtl)
            {
                task = fresh.Load;
            }
            else if (!pending && hit is { } stale && stale.Load.IsCompletedSuccessfully && now - stale.LoadedAt < ListMaxStale)
            {
                task = stale.Load;
                if (_refresh is null)
                {
                    _refresh = RefreshAsync(load, now, _listGeneration);
                }
            }
            else
            {
                task = load();
                _list = pending ? null : (now, task);
            }
        }

        IReadOnlyList<CycleView> views;
        try
        {
            views = await task.ConfigureAwait(false);
        }
        catch
        {
            lock (_listGate)
            {
                if (_list?.Load == task)
                {
                    _list = null;
                }
            }

            throw;
        }

        if (pending)
        {
            foreach (var view in views)
            {
                Settle(view.CycleId, view.RecentCommands);
            }
        }

        return views;
    }

    /// <summary>Reloads the list in the background; a failed reload keeps the list there was (until it is too old).</summary>
    private async Task RefreshAsync(Func<Task<IReadOnlyList<CycleView>>> load, DateTimeOffset startedAt, long generation)
    {
        await Task.Yield();
        try
        {
            var task = load();
            await task.ConfigureAwait(false);
            lock (_listGate)
            {
                // A fresher load (after a command of this process) may have landed meanwhile: keep the newer one. A start or
                // command of this process since the reload began (the list invalidated) makes the reload stale: drop it,
                // or the list read before the command would be served again once the command settles.
                if (generation == _listGeneration && (_list is not { } current || current.LoadedAt <= startedAt))
                {
                    _list = (startedAt, task);
                }
            }
        }
#pragma warning disable CA1031 // a background reload must not fault unobserved; the next reader loads again
        catch (Exception)
#pragma warning restore CA1031
        {
        }
        finally
        {
            lock (_listGate)
            {
                _refresh = null;
            }
        }
    }

    /// <summary>This process sent <paramref name="commandId"/> to the cycle: serve its status from storage until the
    /// status lists the command.</summary>
    public void CommandSent(string cycleId, string commandId)
    {
        _pending.GetOrAdd(cycleId, _ => new(StringComparer.Ordinal))[commandId] = clock.GetUtcNow();
        Invalidate(cycleId);
    }

    /// <summary>Forget the cycle's live status and the list of cycles (a new cycle started, a command sent).</summary>
    public void Invalidate(string cycleId)
    {
        _statuses.Remove(cycleId);
        lock (_listGate)
        {
            _list = null;
            _listGeneration++;
        }
    }

    private bool HasPending(string cycleId, DateTimeOffset now)
    {
        if (!_pending.TryGetValue(cycleId, out var commands))
        {
            return false;
        }

        foreach (var (id, sent) in commands)
        {
            if (now - sent > PendingFor || now < sent)
            {
                commands.TryRemove(id, out _);
            }
        }

        if (commands.IsEmpty)
        {
            _pending.TryRemove(new KeyValuePair<string, ConcurrentDictionary<string, DateTimeOffset>>(cycleId, commands));
            return false;
        }

        return true;
    }

    private void Settle(string cycleId, IReadOnlyList<string> applied)
    {
        if (!_pending.TryGetValue(cycleId, out var commands))
        {
            return;
        }

        foreach (var id in applied)
        {
            commands.TryRemove(id, out _);
        }
    }
}

/// <summary>The part of a cycle's state a consultee's form and the response rules depend on.</summary>
internal sealed record LiveStatus(ReviewCycleInput Input, DateOnly ConsultationCloses, bool ConsultationClosedEarly, CycleStage Stage, IReadOnlyList<string> RecentCommands);
