namespace ReviewWorkflow.Durable;

/// <summary>Untyped view of an orchestrator, used by the engine.</summary>
public interface ITaskOrchestrator
{
    Type InputType { get; }

    Type OutputType { get; }

    Task<object?> RunAsync(TaskOrchestrationContext context, object? input);
}

/// <summary>Base class of orchestrators: deterministic <c>async</c> code replayed from history.</summary>
public abstract class TaskOrchestrator<TInput, TOutput> : ITaskOrchestrator
{
    Type ITaskOrchestrator.InputType => typeof(TInput);

    Type ITaskOrchestrator.OutputType => typeof(TOutput);

    public abstract Task<TOutput> RunAsync(TaskOrchestrationContext context, TInput input);

    async Task<object?> ITaskOrchestrator.RunAsync(TaskOrchestrationContext context, object? input) =>
        await RunAsync(context, input is null ? default! : (TInput)input);
}

/// <summary>Untyped view of an activity, used by the engine.</summary>
public interface ITaskActivity
{
    Type InputType { get; }

    Type OutputType { get; }

    Task<object?> RunAsync(TaskActivityContext context, object? input);
}

/// <summary>Base class of activities: ordinary code (I/O allowed), run at least once, so make it idempotent.</summary>
public abstract class TaskActivity<TInput, TOutput> : ITaskActivity
{
    Type ITaskActivity.InputType => typeof(TInput);

    Type ITaskActivity.OutputType => typeof(TOutput);

    public abstract Task<TOutput> RunAsync(TaskActivityContext context, TInput input);

    async Task<object?> ITaskActivity.RunAsync(TaskActivityContext context, object? input) =>
        await RunAsync(context, input is null ? default! : (TInput)input).ConfigureAwait(false);
}

/// <summary>What an activity knows about its call.</summary>
public abstract class TaskActivityContext
{
    public abstract TaskName Name { get; }

    public abstract string InstanceId { get; }

    /// <summary>The orchestration's task id of this call: with <see cref="InstanceId"/>, a natural idempotency key.</summary>
    public virtual int TaskId => -1;
}
