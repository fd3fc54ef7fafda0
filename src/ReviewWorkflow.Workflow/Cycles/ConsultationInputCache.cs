using ReviewWorkflow.Workflow.Caching;
using ReviewWorkflow.Workflow.Consultation;

namespace ReviewWorkflow.Workflow.Cycles;

/// <summary>
/// The consultation's input (its resolved consultees) per consultation instance, which never changes once started, kept
/// so a consultee's GET, save and submit do not download it (a blob, with a few hundred consultees) every time. A cycle
/// id is never reused for another cycle, so an entry never goes stale. Bounded: least recently used evicted first.
/// </summary>
internal sealed class ConsultationInputCache(int capacity = ConsultationInputCache.DefaultCapacity)
{
    public const int DefaultCapacity = 256;

    private readonly BoundedCache<string, (ConsultationInput Input, IReadOnlyDictionary<string, ResolvedConsultee> ById)> _inputs = new(capacity);
    private readonly BoundedCache<string, IReadOnlySet<string>> _bouncedAtClose = new(capacity);

    /// <summary>True when the consultation's input is held (its instance can then be read without it).</summary>
    public bool Holds(string instanceId) => _inputs.TryGet(instanceId, out _);

    /// <summary>Who bounced, as the finished consultation returned it (null until a finished one was seen: its result
    /// never changes after that).</summary>
    public IReadOnlySet<string>? BouncedAtClose(string instanceId) => _bouncedAtClose.TryGet(instanceId, out var bounced) ? bounced : null;

    public IReadOnlySet<string> Closed(string instanceId, IEnumerable<string> bounced)
    {
        var set = bounced.ToHashSet(StringComparer.Ordinal);
        _bouncedAtClose.Set(instanceId, set);
        return set;
    }

    /// <summary>The consultation's input and its consultees by id; <paramref name="read"/> only when not held (a
    /// consultation not found is not remembered).</summary>
    public async Task<(ConsultationInput Input, IReadOnlyDictionary<string, ResolvedConsultee> ById)?> GetAsync(
        string instanceId, Func<Task<ConsultationInput?>> read)
    {
        if (_inputs.TryGet(instanceId, out var hit))
        {
            return hit;
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

        _inputs.Set(instanceId, (input, byId));
        return (input, byId);
    }
}
