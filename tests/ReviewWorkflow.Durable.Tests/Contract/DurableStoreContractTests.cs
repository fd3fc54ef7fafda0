using System.Text;
using ReviewWorkflow.Durable.Store;
using ReviewWorkflow.Durable.Testing;

namespace ReviewWorkflow.Durable.Tests.Contract;

/// <summary>
/// The store contract, run against every <see cref="IDurableStore"/> implementation (in-memory and Azure Storage).
/// Subclasses only say how to create a fresh, initialized store. Times are whole milliseconds so backends that
/// store coarser timestamps still compare equal. Queue visibility is exercised with short spans through
/// <see cref="PassTimeAsync"/>, which backends on real queues override to also wait in real time.
/// </summary>
public abstract partial class DurableStoreContractTests
{
    protected static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 30, 0, TimeSpan.Zero);

    protected FakeTimeProvider Time { get; } = new(Start);

    /// <summary>Creates a fresh, empty, initialized store that uses <paramref name="time"/> where it can.</summary>
    protected abstract Task<IDurableStore> CreateStoreAsync(TimeProvider time);

    /// <summary>Lets <paramref name="span"/> pass for the store. Backends whose queues run on real time also wait for real.</summary>
    protected virtual Task PassTimeAsync(TimeSpan span)
    {
        Time.Advance(span);
        return Task.CompletedTask;
    }

    /// <summary>Receives until at least <paramref name="expected"/> messages arrived (retrying briefly for eventually visible real queues).</summary>
    protected virtual async Task<IReadOnlyList<WorkItemLease>> ReceiveExpectingAsync(IDurableStore store, WorkItemKind kind, int expected, TimeSpan lease)
    {
        var all = new List<WorkItemLease>();
        for (var attempt = 0; attempt < 40 && all.Count < expected; attempt++)
        {
            all.AddRange(await store.ReceiveAsync(kind, Math.Min(32, expected - all.Count), lease));
            if (all.Count < expected)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }
        }

        return all;
    }

    protected static string UniqueId(string prefix = "inst") => $"{prefix}-{Guid.NewGuid():N}";

    protected InstanceRecord NewRecord(string id, OrchestrationRuntimeStatus status = OrchestrationRuntimeStatus.Pending, DateTimeOffset? createdAt = null, string? input = "{\"n\":1}") => new()
    {
        InstanceId = id,
        Name = "ReviewCycle",
        Version = "1",
        ExecutionId = "exec-1",
        RuntimeStatus = status,
        Input = input,
        CreatedAt = createdAt ?? Time.GetUtcNow(),
        LastUpdatedAt = createdAt ?? Time.GetUtcNow(),
    };

    protected static InboxRecord StartMessage(string id) => new($"{id}:start", "ExecutionStarted", "{\"type\":\"ExecutionStarted\"}");

    protected static HistoryRecord History(int sequence, string json = "{\"type\":\"TaskScheduled\"}") => new(sequence, "TaskScheduled", json);

    /// <summary>A JSON document of roughly <paramref name="bytes"/> bytes, not very compressible, so offloading is exercised.</summary>
    protected static string LargeJson(int bytes, int seed = 1)
    {
        var random = new Random(seed);
        var sb = new StringBuilder(bytes + 64).Append("{\"text\":\"");
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 éßø";
        while (sb.Length < bytes)
        {
            sb.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return sb.Append("\"}").ToString();
    }

    protected async Task<(IDurableStore Store, string Id, string ETag)> CreatedInstanceAsync(string? id = null)
    {
        var store = await CreateStoreAsync(Time);
        id ??= UniqueId();
        Assert.True(await store.TryCreateInstanceAsync(NewRecord(id), StartMessage(id)));
        var record = await store.GetInstanceAsync(id);
        return (store, id, record!.ETag!);
    }

    protected static InstanceRecord Advance(InstanceRecord basis, OrchestrationRuntimeStatus status, int historyCount, DateTimeOffset at) =>
        basis with { RuntimeStatus = status, HistoryCount = historyCount, StepCount = basis.StepCount + 1, LastUpdatedAt = at, ETag = null };
}
