using Microsoft.Extensions.Logging;

namespace ReviewWorkflow.Durable;

/// <summary>The orchestrator's parent, for sub-orchestrations.</summary>
public sealed record ParentOrchestrationInstance(TaskName Name, string InstanceId);

/// <summary>
/// What orchestrator code can do. Same members and semantics as Microsoft.DurableTask's context: everything here is
/// replay-safe; code must not use clocks, random numbers, I/O or threads directly (see build/BannedSymbols.Orchestrations.txt).
/// </summary>
public abstract class TaskOrchestrationContext
{
    public abstract TaskName Name { get; }

    public abstract string InstanceId { get; }

    public abstract ParentOrchestrationInstance? Parent { get; }

    /// <summary>The time of the current step, from history: the same on every replay.</summary>
    public abstract DateTime CurrentUtcDateTime { get; }

    /// <summary>True while the code re-runs steps that already happened.</summary>
    public abstract bool IsReplaying { get; }

    /// <summary>The orchestrator version this instance started with.</summary>
    public virtual string Version => string.Empty;

    public abstract T? GetInput<T>();

    public Task CallActivityAsync(TaskName name, object? input = null, TaskOptions? options = null) => CallActivityAsync<object>(name, input, options);

    public Task CallActivityAsync(TaskName name, TaskOptions options) => CallActivityAsync<object>(name, null, options);

    public Task<TResult> CallActivityAsync<TResult>(TaskName name, TaskOptions options) => CallActivityAsync<TResult>(name, null, options);

    public abstract Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null);

    public Task CallSubOrchestratorAsync(TaskName orchestratorName, object? input = null, TaskOptions? options = null) => CallSubOrchestratorAsync<object>(orchestratorName, input, options);

    public Task CallSubOrchestratorAsync(TaskName orchestratorName, TaskOptions options) => CallSubOrchestratorAsync<object>(orchestratorName, null, options);

    public abstract Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null);

    /// <summary>A durable timer. Timers longer than the store's queue limit are split into chunks automatically.</summary>
    public abstract Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    public Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken) => CreateTimer(CurrentUtcDateTime.Add(delay), cancellationToken);

    /// <summary>Waits for an event raised to this instance. Names are case-insensitive; events that arrived earlier are delivered first-in first-out.</summary>
    public abstract Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);

    /// <summary>As <see cref="WaitForExternalEvent{T}(string, CancellationToken)"/>, failing with <see cref="TaskCanceledException"/> after <paramref name="timeout"/> (a durable timer).</summary>
    public Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout) => WaitForExternalEvent<T>(eventName, timeout, CancellationToken.None);

    public abstract Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Sends an event to another instance (dropped if it does not exist).</summary>
    public abstract void SendEvent(string instanceId, string eventName, object payload);

    /// <summary>Sets the status visible to clients; at most 16 KB once serialized.</summary>
    public abstract void SetCustomStatus(object? customStatus);

    /// <summary>Restarts this instance with a new input and an empty history once the code returns.</summary>
    public abstract void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true);

    /// <summary>A GUID that is the same on every replay (UUID v5 over instance id, step time and a counter).</summary>
    public abstract Guid NewGuid();

    /// <summary>Exposed for <see cref="CreateReplaySafeLogger(string)"/>.</summary>
    protected abstract ILoggerFactory LoggerFactory { get; }

    public ILogger CreateReplaySafeLogger(string categoryName) => new ReplaySafeLogger(this, LoggerFactory.CreateLogger(categoryName));

    public ILogger CreateReplaySafeLogger(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return CreateReplaySafeLogger(type.FullName ?? type.Name);
    }

    public ILogger CreateReplaySafeLogger<T>() => CreateReplaySafeLogger(typeof(T));

    private sealed class ReplaySafeLogger(TaskOrchestrationContext context, ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => !context.IsReplaying && inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!context.IsReplaying)
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
