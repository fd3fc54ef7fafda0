using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ReviewWorkflow.Durable.AzureStorage.Internal;
using ReviewWorkflow.Durable.Store;
using ReviewWorkflow.Storage;
using ReviewWorkflow.Storage.Configuration;
using ReviewWorkflow.Storage.Queues;
using ReviewWorkflow.Storage.Tables;

namespace ReviewWorkflow.Durable.AzureStorage;

/// <summary>
/// <see cref="IDurableStore"/> on Azure Table Storage (state) and Queue Storage (wake-ups and activities), laid out like
/// the Durable Task Framework's Azure Storage provider: one partition per instance, every step one entity-group transaction
/// guarded by the status row's ETag. See <see cref="RowLayout"/> for the rows and <see cref="PartitionState"/> for
/// what readers count as committed.
/// </summary>
public sealed partial class AzureStorageDurableStore : IDurableStore
{
    /// <summary>Entity-group transactions hold at most 100 operations and 4 MiB; stay below with a margin for framing.</summary>
    internal const int MaxBatchOperations = 100;
    internal const int BatchBudgetBytes = 3_500_000;

    private readonly AzureStorageDurableOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TableClient _instances;
    private readonly TableClient _index;
    private readonly TableClient _payloads;
    private readonly TableClient _poison;
    private readonly QueueClient _control;
    private readonly QueueClient _workItems;
    private readonly ConcurrentDictionary<string, PartitionState> _cache = new(StringComparer.Ordinal);

    /// <summary>Instances this process has seen exist (saves the existence read of an inbox append); purge forgets them.</summary>
    private readonly ConcurrentDictionary<string, byte> _known = new(StringComparer.Ordinal);

    /// <summary>The index values this process last wrote per instance (see <c>NeedsIndexWrite</c>).</summary>
    private readonly ConcurrentDictionary<string, IndexValues> _indexed = new(StringComparer.Ordinal);
    private long _lastStamp;

    public AzureStorageDurableStore(
        TableServiceClient tables,
        QueueServiceClient queues,
        AzureStorageDurableOptions? options = null,
        TimeProvider? time = null,
        ILogger<AzureStorageDurableStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(queues);
        _options = options ?? new AzureStorageDurableOptions();
        _options.Validate();
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger<AzureStorageDurableStore>.Instance;
        var hub = _options.TaskHubName;
        _instances = tables.GetTableClient(hub + "Instances");
        _index = tables.GetTableClient(hub + "Index");
        _payloads = tables.GetTableClient(hub + "Payloads");
        _poison = tables.GetTableClient(hub + "Poison");
#pragma warning disable CA1308 // Queue names must be lower case; this is not a comparison.
        var queuePrefix = hub.ToLowerInvariant();
#pragma warning restore CA1308
        _control = queues.GetQueueClient(queuePrefix + "-control");
        _workItems = queues.GetQueueClient(queuePrefix + "-workitems");
    }

    /// <summary>A store on <paramref name="connection"/> with its own clients.</summary>
    public static AzureStorageDurableStore Create(
        StorageConnection connection,
        StorageOptions? storageOptions = null,
        AzureStorageDurableOptions? options = null,
        TimeProvider? time = null,
        ILogger<AzureStorageDurableStore>? logger = null)
        => new(new TableServiceClient(connection, storageOptions), new QueueServiceClient(connection, storageOptions), options, time, logger);

    public string TaskHubName => _options.TaskHubName;

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await Task.WhenAll(
            _instances.CreateIfNotExistsAsync(cancellationToken),
            _index.CreateIfNotExistsAsync(cancellationToken),
            _payloads.CreateIfNotExistsAsync(cancellationToken),
            _poison.CreateIfNotExistsAsync(cancellationToken),
            _control.CreateIfNotExistsAsync(cancellationToken),
            _workItems.CreateIfNotExistsAsync(cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Deletes every table and queue of the task hub (tests and tear-down).</summary>
    public async Task DeleteTaskHubAsync(CancellationToken cancellationToken = default)
    {
        _cache.Clear();
        await Task.WhenAll(
            _instances.DeleteTableAsync(cancellationToken),
            _index.DeleteTableAsync(cancellationToken),
            _payloads.DeleteTableAsync(cancellationToken),
            _poison.DeleteTableAsync(cancellationToken),
            _control.DeleteQueueAsync(cancellationToken),
            _workItems.DeleteQueueAsync(cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>A strictly increasing tick stamp, for arrival order of inbox messages written by this process.</summary>
    private long NextStamp()
    {
        while (true)
        {
            var last = Interlocked.Read(ref _lastStamp);
            var next = Math.Max(last + 1, _time.GetUtcNow().UtcTicks);
            if (Interlocked.CompareExchange(ref _lastStamp, next, last) == last)
            {
                return next;
            }
        }
    }

    private PartitionState? Cached(string instanceId, string etag)
        => _cache.TryGetValue(instanceId, out var state) && state.ETag == etag ? state : null;

    private void Remember(PartitionState state)
    {
        if (_options.InstanceCacheSize == 0)
        {
            return;
        }

        if (_cache.Count >= _options.InstanceCacheSize && !_cache.ContainsKey(state.InstanceId))
        {
            // Crude but bounded: the cache only saves reads, so losing it costs one read per instance.
            _cache.Clear();
        }

        _cache[state.InstanceId] = state;
        Known(state.InstanceId);
    }

    private void Known(string instanceId)
    {
        if (_known.Count >= 16 * Math.Max(1, _options.InstanceCacheSize))
        {
            _known.Clear();
        }

        _known[instanceId] = 0;
    }

    private void Forget(string instanceId)
    {
        _cache.TryRemove(instanceId, out _);
        _known.TryRemove(instanceId, out _);
        _indexed.TryRemove(instanceId, out _);
    }

    private PartitionState NewState(string instanceId, string partitionKey, TableEntity status, IReadOnlyDictionary<string, StoredRow> rows)
        => new(instanceId, partitionKey, status, rows, _time.GetUtcNow(), _options.OrphanChunkGrace);

    /// <summary>Runs <paramref name="work"/> with at most <see cref="AzureStorageDurableOptions.MaxParallelRequests"/> at a time.</summary>
    private Task ForEachLimitedAsync<T>(IEnumerable<T> items, Func<T, CancellationToken, ValueTask> work, CancellationToken cancellationToken)
        => Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelRequests, CancellationToken = cancellationToken }, work);

    /// <summary>Groups actions into transactions within the operation and size limits.</summary>
    internal static List<List<TableTransactionAction>> Batches(IEnumerable<TableTransactionAction> actions)
    {
        var batches = new List<List<TableTransactionAction>>();
        var current = new List<TableTransactionAction>();
        var size = 0;
        foreach (var action in actions)
        {
            var bytes = Payloads.EstimateWireBytes(action.Entity);
            if (current.Count > 0 && (current.Count >= MaxBatchOperations || size + bytes > BatchBudgetBytes))
            {
                batches.Add(current);
                current = [];
                size = 0;
            }

            current.Add(action);
            size += bytes;
        }

        if (current.Count > 0)
        {
            batches.Add(current);
        }

        return batches;
    }

    /// <summary>Deletes rows (If-Match *) in batches; rows already gone are fine. Returns the keys known to be gone.</summary>
    private async Task<HashSet<string>> DeleteRowsAsync(string instanceId, string partitionKey, List<string> rowKeys, CancellationToken cancellationToken)
    {
        var gone = new HashSet<string>(StringComparer.Ordinal);
        if (rowKeys.Count == 0)
        {
            return gone;
        }

        var batches = Batches(rowKeys.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partitionKey, k), "*")));
        await ForEachLimitedAsync(batches, async (batch, ct) =>
        {
            try
            {
                await _instances.SubmitTransactionAsync(batch, ct).ConfigureAwait(false);
            }
            catch (StorageRequestException e) when (e.Status == 404)
            {
                // Someone deleted one of them already: fall back to single deletes, which tolerate that.
                foreach (var action in batch)
                {
                    await _instances.DeleteEntityAsync(partitionKey, action.Entity.RowKey, "*", ignoreNotFound: true, ct).ConfigureAwait(false);
                }
            }
            catch (StorageRequestException e)
            {
                Log.CleanupIncomplete(_logger, instanceId, batch.Count, e);
                return;
            }

            lock (gone)
            {
                gone.UnionWith(batch.Select(a => a.Entity.RowKey));
            }
        }, cancellationToken).ConfigureAwait(false);
        return gone;
    }
}
