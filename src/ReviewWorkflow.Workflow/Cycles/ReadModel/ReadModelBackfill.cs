using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ReviewWorkflow.Workflow.Cycles.ReadModel;

/// <summary>
/// Gives every cycle started before the read model existed (orchestration version 1, which never writes it) its row, once
/// at start-up: the façade then lists it and reads its status from its orchestrations. A cycle of version 2 or later
/// always has its row (the façade inserts it before scheduling), so an instance without one is version 1. Storage down at
/// start-up is logged and left to the next start; nothing else waits for this.
/// </summary>
public sealed partial class ReadModelBackfill(DurableTaskClient client, ReviewCycleTable cycles, ILogger<ReadModelBackfill> logger) : BackgroundService
{
    /// <summary>Adds the missing rows; returns how many.</summary>
    public async Task<int> BackfillAsync(CancellationToken cancellationToken)
    {
        var known = (await cycles.ListAsync(cancellationToken).ConfigureAwait(false)).Select(r => r.CycleId).ToHashSet(StringComparer.Ordinal);
        var added = 0;
        await foreach (var instance in client.GetAllInstancesAsync(new OrchestrationQuery()).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (instance.Name != OrchestrationNames.ReviewCycle || known.Contains(instance.InstanceId))
            {
                continue;
            }

            var full = await client.GetInstanceAsync(instance.InstanceId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
            if (full?.ReadInputAs<ReviewCycleInput>() is not { } input)
            {
                continue;
            }

            var record = ReviewCycleRecord.Starting(input) with { Version = "1" };
            if (record.StartedAt == default)
            {
                record = record with { StartedAt = instance.CreatedAt };
            }

            if (await cycles.AddAsync(record, cancellationToken).ConfigureAwait(false))
            {
                added++;
            }
        }

        return added;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await cycles.CreateIfNotExistsAsync(stoppingToken).ConfigureAwait(false);
            if (await BackfillAsync(stoppingToken).ConfigureAwait(false) is > 0 and var added)
            {
                LogBackfilled(logger, added);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // Storage not reachable: the next start tries again; nothing depends on this.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogBackfillFailed(logger, ex);
        }
    }

    [LoggerMessage(EventId = 6021, Level = LogLevel.Information, Message = "Added {Count} review cycle(s) started before the read model to the ReviewCycles table.")]
    private static partial void LogBackfilled(ILogger logger, int count);

    [LoggerMessage(EventId = 6022, Level = LogLevel.Warning, Message = "Could not add older review cycles to the ReviewCycles table at start-up; the next start tries again.")]
    private static partial void LogBackfillFailed(ILogger logger, Exception exception);
}
