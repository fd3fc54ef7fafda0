namespace ReviewWorkflow.Durable;

/// <summary>
/// Retries a failed activity or sub-orchestration with durable-timer delays:
/// delay before retry n (0-based) = min(firstRetryInterval × backoffCoefficient^n, maxRetryInterval).
/// Stops after <see cref="MaxNumberOfAttempts"/>, when <see cref="HandleFailure"/> says no, when the failure is
/// non-retriable, or when the next attempt would start after <see cref="RetryTimeout"/> from the first attempt.
/// </summary>
public sealed record RetryPolicy
{
    public RetryPolicy(int maxNumberOfAttempts, TimeSpan firstRetryInterval, double backoffCoefficient = 1.0, TimeSpan? maxRetryInterval = null, TimeSpan? retryTimeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNumberOfAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(firstRetryInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(backoffCoefficient, 1.0);
        MaxNumberOfAttempts = maxNumberOfAttempts;
        FirstRetryInterval = firstRetryInterval;
        BackoffCoefficient = backoffCoefficient;
        MaxRetryInterval = maxRetryInterval ?? TimeSpan.FromHours(1);
        RetryTimeout = retryTimeout ?? Timeout.InfiniteTimeSpan;
    }

    public int MaxNumberOfAttempts { get; }

    public TimeSpan FirstRetryInterval { get; }

    public double BackoffCoefficient { get; }

    public TimeSpan MaxRetryInterval { get; }

    /// <summary><see cref="Timeout.InfiniteTimeSpan"/> = no limit.</summary>
    public TimeSpan RetryTimeout { get; }

    /// <summary>Whether a failure should be retried; retries everything by default.</summary>
    public Func<TaskFailureDetails, bool> HandleFailure { get; init; } = static _ => true;

    /// <summary>The delay before retry number <paramref name="retryIndex"/> (0 = first retry).</summary>
    public TimeSpan GetDelay(int retryIndex)
    {
        var ticks = FirstRetryInterval.Ticks * Math.Pow(BackoffCoefficient, retryIndex);
        return ticks >= MaxRetryInterval.Ticks ? MaxRetryInterval : TimeSpan.FromTicks((long)ticks);
    }
}

/// <summary>Retry settings of a task call.</summary>
public sealed record TaskRetryOptions(RetryPolicy Policy)
{
    public static implicit operator TaskRetryOptions(RetryPolicy policy) => new(policy);

    public static TaskRetryOptions FromRetryPolicy(RetryPolicy policy) => new(policy);
}

/// <summary>Options of an activity or sub-orchestration call.</summary>
public record TaskOptions
{
    public TaskOptions(TaskRetryOptions? retry = null) => Retry = retry;

    public TaskRetryOptions? Retry { get; init; }

    public static TaskOptions FromRetryPolicy(RetryPolicy policy) => new(new TaskRetryOptions(policy));

    public SubOrchestrationOptions WithInstanceId(string instanceId) => new(this, instanceId);
}

/// <summary>Options of a sub-orchestration call: the child's instance id (default: a deterministic new GUID) and version.</summary>
public record SubOrchestrationOptions : TaskOptions
{
    public SubOrchestrationOptions(TaskRetryOptions? retry = null, string? instanceId = null)
        : base(retry) => InstanceId = instanceId;

    public SubOrchestrationOptions(TaskOptions options, string? instanceId = null)
        : base(options?.Retry) => InstanceId = instanceId;

    public string? InstanceId { get; init; }

    /// <summary>Orchestrator version for the child; null = the latest registered.</summary>
    public string? Version { get; init; }
}
