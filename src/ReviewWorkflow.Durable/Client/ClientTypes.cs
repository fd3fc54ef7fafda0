using ReviewWorkflow.Durable.Execution;

namespace ReviewWorkflow.Durable;

/// <summary>Options for starting an orchestration.</summary>
public record StartOrchestrationOptions(string? InstanceId = null, DateTimeOffset? StartAt = null)
{
    /// <summary>Orchestrator version; null = the latest registered.</summary>
    public string? Version { get; init; }
}

/// <summary>Filter and paging for <see cref="DurableTaskClient.GetAllInstancesAsync"/>.</summary>
public record OrchestrationQuery
{
    public const int DefaultPageSize = 100;

    public DateTimeOffset? CreatedFrom { get; init; }

    public DateTimeOffset? CreatedTo { get; init; }

    public IEnumerable<OrchestrationRuntimeStatus>? Statuses { get; init; }

    public string? InstanceIdPrefix { get; init; }

    public int PageSize { get; init; } = DefaultPageSize;

    public string? ContinuationToken { get; init; }

    public bool FetchInputsAndOutputs { get; init; }
}

/// <summary>One page of a query.</summary>
public sealed record OrchestrationQueryPage(IReadOnlyList<OrchestrationMetadata> Values, string? ContinuationToken);

public sealed record PurgeResult(int PurgedInstanceCount);

/// <summary>Status of an orchestration instance as a client sees it.</summary>
public sealed record OrchestrationMetadata(string Name, string InstanceId)
{
    public OrchestrationRuntimeStatus RuntimeStatus { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset LastUpdatedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public string? Version { get; init; }

    public string? ParentInstanceId { get; init; }

    public string? SerializedInput { get; init; }

    public string? SerializedOutput { get; init; }

    public string? SerializedCustomStatus { get; init; }

    public TaskFailureDetails? FailureDetails { get; init; }

    public bool IsRunning => RuntimeStatus == OrchestrationRuntimeStatus.Running;

    public bool IsCompleted => RuntimeStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;

    public T? ReadInputAs<T>() => DurableJson.Deserialize<T>(SerializedInput);

    public T? ReadOutputAs<T>() => DurableJson.Deserialize<T>(SerializedOutput);

    public T? ReadCustomStatusAs<T>() => DurableJson.Deserialize<T>(SerializedCustomStatus);
}
