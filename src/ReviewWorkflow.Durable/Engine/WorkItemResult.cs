namespace ReviewWorkflow.Durable.Engine;

/// <summary>What should happen to the queue message that was processed.</summary>
public enum WorkItemOutcome
{
    /// <summary>Done (or nothing to do): delete the message.</summary>
    Completed,

    /// <summary>Leave the message to be delivered again after <see cref="WorkItemResult.RetryAfter"/>.</summary>
    Retry,

    /// <summary>It failed too often: set it aside as poison with <see cref="WorkItemResult.Reason"/>.</summary>
    Poison,
}

/// <summary>The outcome of processing one queue message; the caller (dispatcher or trigger) applies it to the queue.</summary>
public sealed record WorkItemResult(WorkItemOutcome Outcome, TimeSpan RetryAfter = default, string? Reason = null)
{
    public static readonly WorkItemResult Done = new(WorkItemOutcome.Completed);
}
