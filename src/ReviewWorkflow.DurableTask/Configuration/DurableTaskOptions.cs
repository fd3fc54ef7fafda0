namespace ReviewWorkflow.DurableTask.Configuration;

/// <summary>
/// The task hub settings, bound from the <c>Durable</c> configuration section. Key names and meanings mirror the
/// Durable Functions extension's <c>host.json</c> <c>durableTask</c> settings so one vocabulary serves both hosts.
/// </summary>
public sealed class DurableTaskOptions
{
    public const string SectionName = "Durable";

    /// <summary>Task hub name: 3–45 letters and digits, starting with a letter (it prefixes queue, table and container names).</summary>
    public string HubName { get; set; } = "reviewworkflow";

    /// <summary>Number of control queues (partitions), 1–16. Fixed for the life of a task hub.</summary>
    public int PartitionCount { get; set; } = 4;

    /// <summary>Orchestration work items one worker runs at once (host.json default: 10 × processors).</summary>
    public int MaxConcurrentOrchestratorFunctions { get; set; } = 10 * Environment.ProcessorCount;

    /// <summary>Activity work items one worker runs at once (host.json default: 10 × processors).</summary>
    public int MaxConcurrentActivityFunctions { get; set; } = 10 * Environment.ProcessorCount;

    /// <summary>Keep an orchestration's state in memory between episodes instead of replaying its history.</summary>
    public bool ExtendedSessionsEnabled { get; set; }

    /// <summary>How long an idle extended session stays in memory.</summary>
    public int ExtendedSessionIdleTimeoutInSeconds { get; set; } = 30;

    /// <summary>Longest wait between polls of an empty queue (the poll backs off from zero up to this).</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Messages fetched from a control queue at once (1–32).</summary>
    public int ControlQueueBatchSize { get; set; } = 32;

    /// <summary>False: this process is a client only (no worker, no sweep), as the web app in Azure.</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>How often the wake-up sweep runs in a worker process (it also runs on request).</summary>
    public TimeSpan WakeUpSweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The table holding one pending wake-up row per orchestration instance.</summary>
    public string WakeUpsTable { get; set; } = "ReviewWakeUps";

    /// <summary>This worker's name in partition leases (default: machine name and process id).</summary>
    public string? WorkerId { get; set; }

    /// <summary>How long a dequeued control-queue message stays invisible (after a crash, its redelivery delay).</summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a dequeued activity message stays invisible (after a crash, its redelivery delay).</summary>
    public TimeSpan WorkItemQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a partition lease lasts without renewal (after a crash, how long until another worker takes it).</summary>
    public TimeSpan LeaseInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often partition leases are renewed.</summary>
    public TimeSpan LeaseRenewInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a worker looks for partitions to acquire or balance.</summary>
    public TimeSpan LeaseAcquireInterval { get; set; } = TimeSpan.FromSeconds(10);
}
