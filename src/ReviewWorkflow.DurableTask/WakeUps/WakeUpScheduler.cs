using Azure.Data.Tables;

namespace ReviewWorkflow.DurableTask.WakeUps;

/// <summary>Reads and writes wake-up rows; the activity, the sweep and test hosts share it.</summary>
public sealed class WakeUpScheduler
{
    private readonly WakeUpTable _table;
    private readonly TimeProvider _time;

    internal WakeUpScheduler(WakeUpTable table, TimeProvider time)
    {
        _table = table;
        _time = time;
    }

    /// <summary>Upserts the instance's row: the latest schedule wins.</summary>
    public async Task ScheduleAsync(WakeUpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.InstanceId);
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var entity = new WakeUpEntity
        {
            RowKey = WakeUpEntity.RowKeyFor(request.InstanceId),
            InstanceId = request.InstanceId,
            DueAt = request.DueAt.ToUniversalTime(),
            ScheduledAt = _time.GetUtcNow(),
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the instance's row whatever its due time; true when there was one.</summary>
    public async Task<bool> CancelAsync(string instanceId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var response = await table.DeleteEntityAsync(WakeUpEntity.Partition, WakeUpEntity.RowKeyFor(instanceId), Azure.ETag.All, cancellationToken)
            .ConfigureAwait(false);
        return response.Status != 404;
    }

    /// <summary>The pending wake-up of an instance, or null.</summary>
    public async Task<WakeUpRequest?> GetAsync(string instanceId, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<WakeUpEntity>(WakeUpEntity.Partition, WakeUpEntity.RowKeyFor(instanceId), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return row.HasValue ? new WakeUpRequest(row.Value!.InstanceId, row.Value.DueAt) : null;
    }

    /// <summary>The earliest pending wake-up, or null when none is scheduled.</summary>
    public async Task<WakeUpRequest?> NextDueAsync(CancellationToken cancellationToken)
    {
        WakeUpRequest? next = null;
        await foreach (var row in ReadAsync(null, cancellationToken).ConfigureAwait(false))
        {
            if (next is null || row.DueAt < next.DueAt)
            {
                next = new WakeUpRequest(row.InstanceId, row.DueAt);
            }
        }

        return next;
    }

    internal async IAsyncEnumerable<WakeUpEntity> ReadAsync(
        DateTimeOffset? dueBy, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var filter = dueBy is { } due
            ? TableClient.CreateQueryFilter($"PartitionKey eq {WakeUpEntity.Partition} and DueAt le {due.ToUniversalTime()}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {WakeUpEntity.Partition}");
        await foreach (var row in table.QueryAsync<WakeUpEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return row;
        }
    }

    internal async Task<bool> DeleteIfUnchangedAsync(WakeUpEntity row, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Azure.RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false; // re-scheduled meanwhile (the new row stays) or already gone
        }
    }
}
