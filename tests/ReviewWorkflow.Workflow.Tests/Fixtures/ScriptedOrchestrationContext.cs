using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ReviewWorkflow.Workflow.Tests.Fixtures;

/// <summary>One call an orchestrator made: an activity or a sub-orchestration, by name, with its input.</summary>
internal sealed record ScriptedCall(string Name, object? Input);

/// <summary>
/// A hand-driven <see cref="TaskOrchestrationContext"/> for orchestrator unit tests: activities answer at once through
/// <see cref="Answer"/>, external events are delivered by <see cref="Raise"/> to the waiter of that name (or kept until
/// one waits, as the engine does), and everything the orchestrator asked for is recorded. Durable timers are refused:
/// business deadlines are wake-ups, not timers.
/// </summary>
internal sealed class ScriptedOrchestrationContext(string instanceId, DateTime wallClock) : TaskOrchestrationContext
{
    private readonly Dictionary<string, Queue<object?>> _buffered = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(Type Type, Action<object?> Deliver)>> _waiters = new(StringComparer.Ordinal);

    /// <summary>What each activity returns (by name, given the input); null when not set.</summary>
    public Func<string, object?, object?> Answer { get; set; } = (_, _) => null;

    public List<ScriptedCall> Calls { get; } = [];

    public object? CustomStatus { get; private set; }

    public object? ContinuedAsNewWith { get; private set; }

    public bool ContinuedAsNew { get; private set; }

    public override TaskName Name => "scripted";

    public override string InstanceId => instanceId;

    public override ParentOrchestrationInstance? Parent => null;

    /// <summary>The engine's (real) time: orchestrators must not base decisions on it.</summary>
    public override DateTime CurrentUtcDateTime => wallClock;

    public override bool IsReplaying => false;

    public override TaskOrchestrationEntityFeature Entities => throw new NotSupportedException();

    protected override ILoggerFactory LoggerFactory => NullLoggerFactory.Instance;

    /// <summary>Waiters now pending for <paramref name="name"/>.</summary>
    public int Waiting(string name) => _waiters.TryGetValue(name, out var list) ? list.Count : 0;

    public IEnumerable<ScriptedCall> CallsTo(string name) => Calls.Where(c => c.Name == name);

    /// <summary>Delivers an event to the oldest waiter of its name, or keeps it for the next one.</summary>
    public void Raise(string name, object? payload)
    {
        if (_waiters.TryGetValue(name, out var list) && list.Count > 0)
        {
            var waiter = list[0];
            list.RemoveAt(0);
            waiter.Deliver(payload);
            return;
        }

        if (!_buffered.TryGetValue(name, out var queue))
        {
            _buffered[name] = queue = new Queue<object?>();
        }

        queue.Enqueue(payload);
    }

    public override T GetInput<T>() => throw new NotSupportedException();

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null)
    {
        Calls.Add(new ScriptedCall(name.Name, input));
        return Task.FromResult(Answer(name.Name, input) is TResult result ? result : default!);
    }

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null)
    {
        Calls.Add(new ScriptedCall(orchestratorName.Name, input));
        return Task.FromResult(Answer(orchestratorName.Name, input) is TResult result ? result : default!);
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"A durable timer to {fireAt:O} was asked for: deadlines must be wake-ups.");

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        if (_buffered.TryGetValue(eventName, out var queue) && queue.Count > 0)
        {
            return Task.FromResult((T)queue.Dequeue()!);
        }

        var completion = new TaskCompletionSource<T>();
        if (!_waiters.TryGetValue(eventName, out var list))
        {
            _waiters[eventName] = list = [];
        }

        list.Add((typeof(T), payload => completion.SetResult((T)payload!)));
        return completion.Task;
    }

    public override void SendEvent(string instanceId, string eventName, object payload) => throw new NotSupportedException();

    public override void SetCustomStatus(object? customStatus) => CustomStatus = customStatus;

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true)
    {
        ContinuedAsNew = true;
        ContinuedAsNewWith = newInput;
    }

    public override Guid NewGuid() => throw new NotSupportedException();
}
