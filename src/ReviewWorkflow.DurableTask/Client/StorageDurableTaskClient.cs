using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.Exceptions;
using DurableTask.Core.History;
using DurableTask.Core.Query;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using CoreOrchestrationQuery = DurableTask.Core.Query.OrchestrationQuery;
using OrchestrationQuery = Microsoft.DurableTask.Client.OrchestrationQuery;
using PurgeResult = Microsoft.DurableTask.Client.PurgeResult;

namespace ReviewWorkflow.DurableTask.Client;

/// <summary>
/// A <see cref="DurableTaskClient"/> over DTFx's Azure Storage provider: it reads and writes the task hub's tables and
/// queues directly, so it works in a process without a worker (the web app in Azure). Inputs, outputs and events are
/// serialised with the same <see cref="DataConverter"/> the worker's shims use.
/// </summary>
public sealed class StorageDurableTaskClient : DurableTaskClient, IOrchestrationHistoryReader
{
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromSeconds(1);

    private readonly AzureStorageOrchestrationService _service;
    private readonly DataConverter _converter;
    private readonly Func<string, string> _defaultVersion;
    private readonly PendingInputReader? _pendingInputs;

    internal StorageDurableTaskClient(
        string name, AzureStorageOrchestrationService service, DataConverter converter, Func<string, string> defaultVersion,
        PendingInputReader? pendingInputs = null)
        : base(name)
    {
        _service = service;
        _converter = converter;
        _defaultVersion = defaultVersion;
        _pendingInputs = pendingInputs;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Without <see cref="StartOrchestrationOptions.DedupeStatuses"/>, an instance id that is pending, running or
    /// suspended cannot be reused (<see cref="OrchestrationAlreadyExistsException"/>), as in Durable Functions;
    /// a finished one is replaced. Without <see cref="StartOrchestrationOptions.Version"/>, the newest version registered
    /// for the orchestrator is started (so running instances keep theirs and new ones get the latest).
    /// </remarks>
    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        var instance = new OrchestrationInstance
        {
            InstanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N"),
            ExecutionId = Guid.NewGuid().ToString("N"),
        };
        var started = new ExecutionStartedEvent(-1, _converter.Serialize(input))
        {
            Name = orchestratorName.Name,
            Version = options?.Version?.Version ?? _defaultVersion(orchestratorName.Name),
            OrchestrationInstance = instance,
            ScheduledStartTime = options?.StartAt?.UtcDateTime,
            Tags = options?.Tags is { Count: > 0 } tags ? tags.ToDictionary(t => t.Key, t => t.Value) : null,
        };
        var message = new TaskMessage { OrchestrationInstance = instance, Event = started };
        await _service.CreateTaskOrchestrationAsync(message, DedupeStatuses(options)).ConfigureAwait(false);
        return instance.InstanceId;
    }

    /// <inheritdoc/>
    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        return SendAsync(instanceId, new EventRaisedEvent(-1, _converter.Serialize(eventPayload)) { Name = eventName }, cancellation);
    }

    /// <inheritdoc/>
    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new ExecutionSuspendedEvent(-1, reason), cancellation);

    /// <inheritdoc/>
    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new ExecutionResumedEvent(-1, reason), cancellation);

    /// <inheritdoc/>
    /// <remarks>Sub-orchestrations are not terminated with their parent (<see cref="TerminateInstanceOptions.Recursive"/> is not supported).</remarks>
    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        if (options?.Recursive == true)
        {
            throw new NotSupportedException("Recursive termination is not supported by this client; terminate each sub-orchestration.");
        }

        cancellation.ThrowIfCancellationRequested();
        return _service.ForceTerminateTaskOrchestrationAsync(instanceId, _converter.Serialize(options?.Output));
    }

    /// <inheritdoc/>
    public override async Task<OrchestrationMetadata?> GetInstancesAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        cancellation.ThrowIfCancellationRequested();
        var states = await _service.GetOrchestrationStateAsync(instanceId, allExecutions: false, fetchInput: getInputsAndOutputs).ConfigureAwait(false);
        var state = states?.FirstOrDefault();
        if (state is null)
        {
            return null;
        }

        if (getInputsAndOutputs)
        {
            await FillPendingInputAsync(state, cancellation).ConfigureAwait(false);
        }

        return ToMetadata(state, getInputsAndOutputs);
    }

    /// <inheritdoc/>
    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null)
    {
        return Pageable.Create<OrchestrationMetadata>(async (continuation, pageSize, cancellation) =>
        {
            var query = new CoreOrchestrationQuery
            {
                RuntimeStatus = filter?.Statuses?.Select(s => s.ToCoreStatus()).ToList(),
                CreatedTimeFrom = filter?.CreatedFrom?.UtcDateTime,
                CreatedTimeTo = filter?.CreatedTo?.UtcDateTime,
                TaskHubNames = filter?.TaskHubNames?.ToList(),
                InstanceIdPrefix = filter?.InstanceIdPrefix,
                PageSize = pageSize ?? filter?.PageSize ?? OrchestrationQuery.DefaultPageSize,
                ContinuationToken = continuation ?? filter?.ContinuationToken,
                FetchInputsAndOutputs = filter?.FetchInputsAndOutputs ?? false,
            };
            var result = await ((IOrchestrationServiceQueryClient)_service).GetOrchestrationWithQueryAsync(query, cancellation).ConfigureAwait(false);
            if (query.FetchInputsAndOutputs)
            {
                foreach (var state in result.OrchestrationState)
                {
                    await FillPendingInputAsync(state, cancellation).ConfigureAwait(false);
                }
            }

            var page = result.OrchestrationState.Select(s => ToMetadata(s, query.FetchInputsAndOutputs)).ToList();
            return new Page<OrchestrationMetadata>(page, string.IsNullOrEmpty(result.ContinuationToken) ? null : result.ContinuationToken);
        });
    }

    /// <inheritdoc/>
    public override async Task<OrchestrationMetadata> WaitForInstanceStartAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        return await PollAsync(instanceId, getInputsAndOutputs, m => m.RuntimeStatus != OrchestrationRuntimeStatus.Pending, cancellation).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        return await PollAsync(instanceId, getInputsAndOutputs, m => m.IsCompleted, cancellation).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <remarks>Only a finished instance can be purged; its sub-orchestrations are not purged with it.</remarks>
    public override async Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var metadata = await GetInstancesAsync(instanceId, getInputsAndOutputs: false, cancellation).ConfigureAwait(false);
        if (metadata is null)
        {
            return new PurgeResult(0);
        }

        if (!metadata.IsCompleted)
        {
            throw new InvalidOperationException(
                $"Only a finished orchestration can be purged; instance '{instanceId}' is {metadata.RuntimeStatus}.");
        }

        var result = await ((IOrchestrationServicePurgeClient)_service).PurgeInstanceStateAsync(instanceId).ConfigureAwait(false);
        return new PurgeResult(result.DeletedInstanceCount);
    }

    /// <inheritdoc/>
    public override async Task<PurgeResult> PurgeAllInstancesAsync(
        PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        cancellation.ThrowIfCancellationRequested();
        var coreFilter = new PurgeInstanceFilter(
            (filter.CreatedFrom ?? DateTimeOffset.MinValue).UtcDateTime,
            filter.CreatedTo?.UtcDateTime,
            filter.Statuses?.Select(s => s.ToCoreStatus()));
        var result = await ((IOrchestrationServicePurgeClient)_service).PurgeInstanceStateAsync(coreFilter).ConfigureAwait(false);
        return new PurgeResult(result.DeletedInstanceCount);
    }

    /// <inheritdoc/>
    public override async Task<string> RestartAsync(string instanceId, bool restartWithNewInstanceId = false, CancellationToken cancellation = default)
    {
        var metadata = await GetInstancesAsync(instanceId, getInputsAndOutputs: true, cancellation).ConfigureAwait(false)
            ?? throw new ArgumentException($"An orchestration with the instance id '{instanceId}' was not found.", nameof(instanceId));
        if (!restartWithNewInstanceId && !metadata.IsCompleted)
        {
            await TerminateInstanceAsync(instanceId, new TerminateInstanceOptions("restarted"), cancellation).ConfigureAwait(false);
            await WaitForInstanceCompletionAsync(instanceId, cancellation: cancellation).ConfigureAwait(false);
        }

        var states = await _service.GetOrchestrationStateAsync(instanceId, allExecutions: false, fetchInput: false).ConfigureAwait(false);
        var version = states?.FirstOrDefault()?.Version ?? string.Empty;
        var newId = restartWithNewInstanceId ? Guid.NewGuid().ToString("N") : instanceId;
        var instance = new OrchestrationInstance { InstanceId = newId, ExecutionId = Guid.NewGuid().ToString("N") };
        var started = new ExecutionStartedEvent(-1, metadata.SerializedInput) { Name = metadata.Name, Version = version, OrchestrationInstance = instance };
        await _service.CreateTaskOrchestrationAsync(new TaskMessage { OrchestrationInstance = instance, Event = started }, []).ConfigureAwait(false);
        return newId;
    }

    /// <inheritdoc/>
    public override async Task<IList<HistoryEvent>> GetOrchestrationHistoryAsync(string instanceId, CancellationToken cancellation = default)
    {
        var history = await GetHistoryAsync(instanceId, cancellation).ConfigureAwait(false);
        return history.Count == 0
            ? throw new ArgumentException($"An orchestration with the instance id '{instanceId}' was not found.", nameof(instanceId))
            : history.ToList();
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        cancellationToken.ThrowIfCancellationRequested();
        var states = await _service.GetOrchestrationStateAsync(instanceId, allExecutions: false, fetchInput: false).ConfigureAwait(false);
        var executionId = states?.FirstOrDefault()?.OrchestrationInstance?.ExecutionId;
        if (executionId is null)
        {
            return [];
        }

        var json = await _service.GetOrchestrationHistoryAsync(instanceId, executionId).ConfigureAwait(false);
        return HistoryJson.Parse(json);
    }

    /// <inheritdoc/>
    public override ValueTask DisposeAsync()
    {
        _service.Dispose();
        return ValueTask.CompletedTask;
    }

    private static OrchestrationStatus[] DedupeStatuses(StartOrchestrationOptions? options)
    {
        if (options?.DedupeStatuses is { Count: > 0 } names)
        {
            return names.Select(n => Enum.TryParse<OrchestrationRuntimeStatus>(n, ignoreCase: true, out var s)
                    ? s.ToCoreStatus()
                    : throw new ArgumentException($"'{n}' is not an orchestration status.", nameof(options)))
                .ToArray();
        }

        return [OrchestrationStatus.Pending, OrchestrationStatus.Running, OrchestrationStatus.Suspended];
    }

    private async Task<OrchestrationMetadata> PollAsync(
        string instanceId, bool getInputsAndOutputs, Func<OrchestrationMetadata, bool> done, CancellationToken cancellation)
    {
        var delay = FirstPoll;
        while (true)
        {
            var metadata = await GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"An orchestration with the instance id '{instanceId}' does not exist.");
            if (done(metadata))
            {
                return metadata;
            }

            await Task.Delay(delay, cancellation).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(LongestPoll.Ticks, (long)(delay.Ticks * 1.5)));
        }
    }

    private Task SendAsync(string instanceId, HistoryEvent historyEvent, CancellationToken cancellation)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        cancellation.ThrowIfCancellationRequested();
        return _service.SendTaskOrchestrationMessageAsync(new TaskMessage
        {
            OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId },
            Event = historyEvent,
        });
    }

    /// <summary>A pending instance whose large input is in a blob reads back with an empty input; follow the blob.</summary>
    private async Task FillPendingInputAsync(OrchestrationState state, CancellationToken cancellation)
    {
        if (_pendingInputs is not null && state.Input is { Length: 0 } && state.OrchestrationStatus == OrchestrationStatus.Pending)
        {
            state.Input = await _pendingInputs.ReadAsync(state.OrchestrationInstance.InstanceId, cancellation).ConfigureAwait(false) ?? state.Input;
        }
    }

    private OrchestrationMetadata ToMetadata(OrchestrationState state, bool withData) =>
        new(state.Name, state.OrchestrationInstance.InstanceId)
        {
            DataConverter = _converter,
            RuntimeStatus = state.OrchestrationStatus.ToRuntimeStatus(),
            CreatedAt = new DateTimeOffset(DateTime.SpecifyKind(state.CreatedTime, DateTimeKind.Utc)),
            LastUpdatedAt = new DateTimeOffset(DateTime.SpecifyKind(state.LastUpdatedTime, DateTimeKind.Utc)),
            SerializedInput = withData ? state.Input : null,
            SerializedOutput = withData ? state.Output : null,
            SerializedCustomStatus = state.Status,
            FailureDetails = state.FailureDetails.ToTaskFailureDetails(),
            Tags = state.Tags is { Count: > 0 } tags ? tags.ToDictionary(t => t.Key, t => t.Value) : new Dictionary<string, string>(),
        };
}
