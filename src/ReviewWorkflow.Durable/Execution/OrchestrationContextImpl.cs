using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using ReviewWorkflow.Durable.History;

// Orchestrator continuations must resume on the orchestration's synchronization context, never ConfigureAwait(false).
#pragma warning disable CA2007

namespace ReviewWorkflow.Durable.Execution;

/// <summary>
/// The engine's implementation of <see cref="TaskOrchestrationContext"/>: records the actions the code takes and
/// completes its tasks from history events fed in by <see cref="OrchestrationExecutor"/>.
/// </summary>
internal sealed partial class OrchestrationContextImpl : TaskOrchestrationContext
{
    public const int MaxCustomStatusBytes = 16 * 1024;

    private readonly SortedDictionary<int, OrchestratorAction> _pendingActions = [];
    private readonly Dictionary<int, OpenTask> _openTasks = [];
    private readonly Dictionary<int, TaskCompletionSource> _openTimers = [];
    private readonly HashSet<int> _canceledTimers = [];
    private readonly Dictionary<string, LinkedList<EventWaiter>> _waiters = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Queue<EventRaised>> _buffered = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<EventRaised> _bufferedInOrder = [];
    private readonly Func<string, string?> _resolveVersion;
    private readonly TimeSpan _maximumTimerInterval;
    private readonly ILoggerFactory _loggerFactory;
    private int _sequence;
    private int _guidCounter;
    private DateTime _currentUtc;

    public OrchestrationContextImpl(ExecutionStarted started, string instanceId, ILoggerFactory loggerFactory, Func<string, string?> resolveVersion, TimeSpan maximumTimerInterval)
    {
        Started = started;
        InstanceId = instanceId;
        Name = started.Name;
        Parent = started.ParentInstanceId is null ? null : new ParentOrchestrationInstance(started.ParentName ?? string.Empty, started.ParentInstanceId);
        _loggerFactory = loggerFactory;
        _resolveVersion = resolveVersion;
        _maximumTimerInterval = maximumTimerInterval;
    }

    public ExecutionStarted Started { get; }

    public override TaskName Name { get; }

    public override string InstanceId { get; }

    public override ParentOrchestrationInstance? Parent { get; }

    public override DateTime CurrentUtcDateTime => _currentUtc;

    public override bool IsReplaying => ReplayingFlag;

    public bool ReplayingFlag { get; set; }

    public override string Version => Started.Version ?? string.Empty;

    protected override ILoggerFactory LoggerFactory => _loggerFactory;

    public string? CustomStatus { get; private set; }

    public (bool Requested, string? Input, bool Preserve) ContinueAsNewRequest { get; private set; }

    /// <summary>Actions taken but not (yet) matched by recorded history: after replay, the step's new actions.</summary>
    public IReadOnlyCollection<OrchestratorAction> PendingActions => _pendingActions.Values;

    public IReadOnlyCollection<int> CanceledTimers => _canceledTimers;

    /// <summary>Events received but not handed to any waiter (carried over by ContinueAsNew).</summary>
    public IReadOnlyList<EventRaised> BufferedEvents => _bufferedInOrder;

    public void SetCurrentUtc(DateTimeOffset value) => _currentUtc = value.UtcDateTime;

    public override T? GetInput<T>()
        where T : default => DurableJson.Deserialize<T>(Started.Input);

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null)
    {
        var inputJson = DurableJson.Serialize(input);
        Task<TResult> Attempt()
        {
            var id = _sequence++;
            _pendingActions[id] = new ScheduleTaskAction(id, name.Name, inputJson);
            return ResultAs<TResult>(Open(id, name));
        }

        return options?.Retry is { } retry ? RetryAsync(Attempt, retry.Policy) : Attempt();
    }

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null)
    {
        var sub = options as SubOrchestrationOptions;
        var childId = sub?.InstanceId ?? NewGuid().ToString("N");
        var version = sub?.Version ?? _resolveVersion(orchestratorName.Name);
        var inputJson = DurableJson.Serialize(input);
        Task<TResult> Attempt()
        {
            var id = _sequence++;
            _pendingActions[id] = new CreateSubOrchestrationAction(id, orchestratorName.Name, version, childId, inputJson);
            return ResultAs<TResult>(Open(id, orchestratorName));
        }

        return options?.Retry is { } retry ? RetryAsync(Attempt, retry.Policy) : Attempt();
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        fireAt = fireAt.Kind == DateTimeKind.Local ? fireAt.ToUniversalTime() : DateTime.SpecifyKind(fireAt, DateTimeKind.Utc);
        return fireAt - _currentUtc <= _maximumTimerInterval ? CreateTimerCore(fireAt, cancellationToken) : LongTimerAsync(fireAt, cancellationToken);
    }

    /// <summary>A timer beyond the maximum interval is a chain of shorter durable timers (queues cap visibility at 7 days).</summary>
    private async Task LongTimerAsync(DateTime fireAt, CancellationToken cancellationToken)
    {
        while (true)
        {
            var chunkEnd = fireAt - _currentUtc > _maximumTimerInterval ? _currentUtc + _maximumTimerInterval : fireAt;
            await CreateTimerCore(chunkEnd, cancellationToken);
            if (chunkEnd >= fireAt)
            {
                return;
            }
        }
    }

    private Task CreateTimerCore(DateTime fireAt, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        var id = _sequence++;
        _pendingActions[id] = new CreateTimerAction(id, new DateTimeOffset(fireAt, TimeSpan.Zero));
        var tcs = new TaskCompletionSource();
        _openTimers[id] = tcs;
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() =>
            {
                if (_openTimers.Remove(id) && tcs.TrySetCanceled(cancellationToken))
                {
                    _canceledTimers.Add(id);
                }
            });
        }

        return tcs.Task;
    }

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        if (TryTakeBuffered(eventName, out var buffered))
        {
            return Task.FromResult(DurableJson.Deserialize<T>(buffered.Input)!);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        var waiter = new EventWaiter(new TaskCompletionSource<string?>());
        if (!_waiters.TryGetValue(eventName, out var list))
        {
            _waiters[eventName] = list = new LinkedList<EventWaiter>();
        }

        // Last in, first out: the newest waiter gets the next event (as in Microsoft.DurableTask).
        var node = list.AddFirst(waiter);
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() =>
            {
                if (waiter.Completion.TrySetCanceled(cancellationToken) && node.List is not null)
                {
                    list.Remove(node);
                }
            });
        }

        return ResultAs<T>(waiter.Completion.Task);
    }

    public override async Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (timeout == Timeout.InfiniteTimeSpan || _buffered.TryGetValue(eventName, out var q) && q.Count > 0)
        {
            return await WaitForExternalEvent<T>(eventName, cancellationToken);
        }

        using var timerCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var eventCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var eventTask = WaitForExternalEvent<T>(eventName, eventCts.Token);
        var timerTask = CreateTimer(CurrentUtcDateTime + timeout, timerCts.Token);
        var winner = await Task.WhenAny(eventTask, timerTask);
        if (winner == eventTask)
        {
            timerCts.Cancel(); // Synchronously: CancelAsync would run the callbacks off the orchestration thread.
            return await eventTask;
        }

        eventCts.Cancel();
        cancellationToken.ThrowIfCancellationRequested();
        throw new TaskCanceledException($"Timed out after {timeout} waiting for external event '{eventName}'.");
    }

    public override void SendEvent(string instanceId, string eventName, object payload)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        var id = _sequence++;
        _pendingActions[id] = new SendEventAction(id, instanceId, eventName, DurableJson.Serialize(payload));
    }

    public override void SetCustomStatus(object? customStatus)
    {
        var json = DurableJson.Serialize(customStatus);
        if (json is not null && Encoding.UTF8.GetByteCount(json) > MaxCustomStatusBytes)
        {
            throw new ArgumentException($"The custom status is larger than {MaxCustomStatusBytes} bytes once serialized.", nameof(customStatus));
        }

        CustomStatus = json;
    }

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        ContinueAsNewRequest = (true, DurableJson.Serialize(newInput), preserveUnprocessedEvents);

    public override Guid NewGuid()
    {
        var name = string.Concat(
            InstanceId, "_", _currentUtc.ToString("o", CultureInfo.InvariantCulture), "_", (_guidCounter++).ToString(CultureInfo.InvariantCulture));
        return DeterministicGuid.Create(DeterministicGuid.DurableTaskNamespace, name);
    }

    private async Task<TResult> RetryAsync<TResult>(Func<Task<TResult>> attempt, RetryPolicy policy)
    {
        var firstAttemptAt = _currentUtc;
        for (var attemptNumber = 1; ; attemptNumber++)
        {
            try
            {
                return await attempt();
            }
            catch (TaskFailedException ex) when (ShouldRetry(ex, policy, attemptNumber, firstAttemptAt))
            {
                await CreateTimer(_currentUtc + policy.GetDelay(attemptNumber - 1), CancellationToken.None);
            }
        }
    }

    private bool ShouldRetry(TaskFailedException ex, RetryPolicy policy, int attemptNumber, DateTime firstAttemptAt)
    {
        if (attemptNumber >= policy.MaxNumberOfAttempts || ex.FailureDetails.IsNonRetriable || !policy.HandleFailure(ex.FailureDetails))
        {
            return false;
        }

        return policy.RetryTimeout == Timeout.InfiniteTimeSpan || _currentUtc + policy.GetDelay(attemptNumber - 1) - firstAttemptAt <= policy.RetryTimeout;
    }

    private Task<string?> Open(int id, TaskName name)
    {
        var open = new OpenTask(name, new TaskCompletionSource<string?>());
        _openTasks[id] = open;
        return open.Completion.Task;
    }

    private static async Task<T> ResultAs<T>(Task<string?> raw) => DurableJson.Deserialize<T>(await raw)!;

    private sealed record OpenTask(TaskName Name, TaskCompletionSource<string?> Completion);

    private sealed record EventWaiter(TaskCompletionSource<string?> Completion);
}
