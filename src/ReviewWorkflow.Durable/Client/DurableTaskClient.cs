using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using ReviewWorkflow.Durable.Engine;
using ReviewWorkflow.Durable.Execution;
using ReviewWorkflow.Durable.History;
using ReviewWorkflow.Durable.Store;

namespace ReviewWorkflow.Durable;

/// <summary>Starts, queries and controls orchestration instances (shaped like Microsoft.DurableTask's client).</summary>
public partial class DurableTaskClient
{
    private readonly IDurableStore _store;
    private readonly DurableTaskRegistry _registry;
    private readonly TimeProvider _time;
    private readonly DurableWorkSignal _signal;
    private readonly DurableOptions _options;

    public DurableTaskClient(IDurableStore store, DurableTaskRegistry registry, TimeProvider time, DurableWorkSignal signal, IOptions<DurableOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _registry = registry;
        _time = time;
        _signal = signal;
        _options = options.Value;
    }

    /// <summary>Test hosts replace polling delays with "run the engine until something changes"; false = nothing more can happen.</summary>
    internal Func<CancellationToken, Task<bool>>? WaitStrategy { get; set; }

    public Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, StartOrchestrationOptions options, CancellationToken cancellation = default) =>
        ScheduleNewOrchestrationInstanceAsync(orchestratorName, null, options, cancellation);

    public Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, CancellationToken cancellation) =>
        ScheduleNewOrchestrationInstanceAsync(orchestratorName, null, null, cancellation);

    /// <summary>Creates an instance (Pending) and wakes it. Reusing the id of a finished instance replaces it; of a live one throws.</summary>
    public virtual async Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        var now = _time.GetUtcNow();
        var instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        var executionId = Guid.NewGuid().ToString("N");
        var version = options?.Version ?? _registry.LatestVersion(orchestratorName);
        var startAt = options?.StartAt is { } at && at > now ? at : (DateTimeOffset?)null;
        var inputJson = DurableJson.Serialize(input);
        var record = new InstanceRecord
        {
            InstanceId = instanceId,
            Name = orchestratorName.Name,
            Version = version,
            ExecutionId = executionId,
            RuntimeStatus = OrchestrationRuntimeStatus.Pending,
            Input = inputJson,
            CreatedAt = now,
            LastUpdatedAt = now,
            ScheduledStartAt = startAt,
            NextWakeAt = startAt ?? now,
        };
        var started = new ExecutionStarted(orchestratorName.Name, version, inputJson) { Timestamp = now, ExecutionId = executionId, ScheduledStartAt = startAt };
        var startMessage = EngineJson.ToInbox(MessageIds.Start(instanceId, executionId), started, startAt);
        if (!await _store.TryCreateInstanceAsync(record, startMessage, cancellation).ConfigureAwait(false))
        {
            var existing = await _store.GetInstanceAsync(instanceId, cancellation).ConfigureAwait(false);
            if (existing is not null && !IsFinished(existing.RuntimeStatus))
            {
                throw new InvalidOperationException($"An orchestration with instance id '{instanceId}' already exists and is {existing.RuntimeStatus}.");
            }

            await _store.PurgeInstanceAsync(instanceId, cancellation).ConfigureAwait(false);
            if (!await _store.TryCreateInstanceAsync(record, startMessage, cancellation).ConfigureAwait(false))
            {
                throw new InvalidOperationException($"An orchestration with instance id '{instanceId}' was created concurrently.");
            }
        }

        await _store.SendWakeupAsync(instanceId, startAt is null ? TimeSpan.Zero : startAt.Value - now, cancellation).ConfigureAwait(false);
        _signal.Notify(WorkItemKind.Orchestration);
        return instanceId;
    }

    /// <summary>Raises an event; it waits in the instance's inbox until the orchestrator asks for it.</summary>
    public virtual Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        return SendAsync(instanceId, new EventRaised(eventName, DurableJson.Serialize(eventPayload)), cancellation);
    }

    public virtual Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new ExecutionTerminated(DurableJson.Serialize(output)), cancellation);

    public virtual Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new ExecutionSuspended(reason), cancellation);

    public virtual Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new ExecutionResumed(reason), cancellation);

    public virtual async Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        var record = await _store.GetInstanceAsync(instanceId, cancellation).ConfigureAwait(false);
        return record is null ? null : ToMetadata(record, getInputsAndOutputs);
    }

    public Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, CancellationToken cancellation) => GetInstanceAsync(instanceId, false, cancellation);

    /// <summary>One page of instances matching <paramref name="query"/>; pass the returned token back for the next.</summary>
    public virtual async Task<OrchestrationQueryPage> QueryInstancesAsync(OrchestrationQuery? query = null, CancellationToken cancellation = default)
    {
        query ??= new OrchestrationQuery();
        var filter = new InstanceFilter
        {
            CreatedFrom = query.CreatedFrom,
            CreatedTo = query.CreatedTo,
            Statuses = query.Statuses?.ToList(),
            InstanceIdPrefix = query.InstanceIdPrefix,
        };
        var page = await _store.QueryInstancesAsync(filter, query.PageSize, query.ContinuationToken, cancellation).ConfigureAwait(false);
        return new OrchestrationQueryPage([.. page.Instances.Select(r => ToMetadata(r, query.FetchInputsAndOutputs))], page.ContinuationToken);
    }

    /// <summary>Every instance matching <paramref name="query"/>, page by page.</summary>
    public virtual async IAsyncEnumerable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? query = null, [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        query ??= new OrchestrationQuery();
        do
        {
            var page = await QueryInstancesAsync(query, cancellation).ConfigureAwait(false);
            foreach (var item in page.Values)
            {
                yield return item;
            }

            query = query with { ContinuationToken = page.ContinuationToken };
        }
        while (query.ContinuationToken is not null);
    }

    /// <summary>Deletes a finished instance and its history. Running instances are not purged (0).</summary>
    public virtual async Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellation = default)
    {
        var record = await _store.GetInstanceAsync(instanceId, cancellation).ConfigureAwait(false);
        if (record is null || !IsFinished(record.RuntimeStatus))
        {
            return new PurgeResult(0);
        }

        return new PurgeResult(await _store.PurgeInstanceAsync(instanceId, cancellation).ConfigureAwait(false) ? 1 : 0);
    }

    /// <summary>The instance's committed history (current execution), oldest first.</summary>
    public virtual async Task<IReadOnlyList<HistoryEvent>> GetOrchestrationHistoryAsync(string instanceId, CancellationToken cancellation = default)
    {
        var snapshot = await _store.ReadInstanceAsync(instanceId, cancellation).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"No orchestration instance '{instanceId}'.");
        return [.. snapshot.History.Select(h => EngineJson.Parse(h.Json))];
    }

    public virtual Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        WaitForAsync(instanceId, getInputsAndOutputs, m => m.RuntimeStatus != OrchestrationRuntimeStatus.Pending, cancellation);

    public virtual Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        WaitForAsync(instanceId, getInputsAndOutputs, m => m.IsCompleted, cancellation);

    private async Task<OrchestrationMetadata> WaitForAsync(string instanceId, bool getInputsAndOutputs, Func<OrchestrationMetadata, bool> done, CancellationToken cancellation)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            var metadata = await GetInstanceAsync(instanceId, getInputsAndOutputs, cancellation).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"No orchestration instance '{instanceId}'.");
            if (done(metadata))
            {
                return metadata;
            }

            if (WaitStrategy is { } strategy)
            {
                if (!await strategy(cancellation).ConfigureAwait(false))
                {
                    throw new InvalidOperationException(
                        $"Instance '{instanceId}' is {metadata.RuntimeStatus} and nothing is scheduled that could change that (is it waiting for an external event?).");
                }
            }
            else
            {
                await Task.Delay(delay, _time, cancellation).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.PollingInterval.Ticks));
            }
        }
    }

    private async Task SendAsync(string instanceId, HistoryEvent message, CancellationToken cancellation)
    {
        var now = _time.GetUtcNow();
        var row = EngineJson.ToInbox(MessageIds.NewClientMessageId(now), message with { Timestamp = now });
        if (!await _store.TryAppendInboxAsync(instanceId, row, cancellation).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"No orchestration instance '{instanceId}'.");
        }

        await _store.SendWakeupAsync(instanceId, TimeSpan.Zero, cancellation).ConfigureAwait(false);
        _signal.Notify(WorkItemKind.Orchestration);
    }

    private static bool IsFinished(OrchestrationRuntimeStatus status) =>
        status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated or OrchestrationRuntimeStatus.Canceled;

    private static OrchestrationMetadata ToMetadata(InstanceRecord r, bool withData) => new(r.Name, r.InstanceId)
    {
        RuntimeStatus = r.RuntimeStatus,
        CreatedAt = r.CreatedAt,
        LastUpdatedAt = r.LastUpdatedAt,
        CompletedAt = r.CompletedAt,
        Version = r.Version,
        ParentInstanceId = r.ParentInstanceId,
        SerializedInput = withData ? r.Input : null,
        SerializedOutput = withData ? r.Output : null,
        SerializedCustomStatus = r.CustomStatus,
        FailureDetails = r.FailureDetails is null ? null : DurableJson.Deserialize<TaskFailureDetails>(r.FailureDetails),
    };
}
