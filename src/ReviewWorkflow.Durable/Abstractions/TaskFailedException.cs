namespace ReviewWorkflow.Durable;

/// <summary>An activity or sub-orchestration the orchestrator awaited has failed.</summary>
public sealed class TaskFailedException : Exception
{
    public TaskFailedException(TaskName taskName, int taskId, TaskFailureDetails failureDetails)
        : base($"Task '{taskName}' (#{taskId}) failed with an unhandled exception: {failureDetails?.ErrorMessage}")
    {
        ArgumentNullException.ThrowIfNull(failureDetails);
        TaskName = taskName;
        TaskId = taskId;
        FailureDetails = failureDetails;
    }

    public TaskFailedException() : this("unknown", -1, new TaskFailureDetails("unknown", "unknown")) { }

    public TaskFailedException(string message) : base(message) => FailureDetails = new TaskFailureDetails("unknown", message);

    public TaskFailedException(string message, Exception inner) : base(message, inner) => FailureDetails = TaskFailureDetails.FromException(inner);

    public TaskName TaskName { get; }

    public int TaskId { get; }

    public TaskFailureDetails FailureDetails { get; }
}

/// <summary>
/// The orchestrator code no longer does what its recorded history says it did. Raised during replay; the
/// message names the step (event id), what history recorded and what the code did now.
/// </summary>
public sealed class NonDeterministicOrchestrationException : Exception
{
    public NonDeterministicOrchestrationException() { }
    public NonDeterministicOrchestrationException(string message) : base(message) { }
    public NonDeterministicOrchestrationException(string message, Exception inner) : base(message, inner) { }
}
