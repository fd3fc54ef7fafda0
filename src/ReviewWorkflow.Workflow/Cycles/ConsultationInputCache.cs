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
