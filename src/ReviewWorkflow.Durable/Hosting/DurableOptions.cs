namespace ReviewWorkflow.Durable;

/// <summary>Settings of the durable runtime (configuration section "Durable").</summary>
public sealed class DurableOptions
{
    public const string SectionName = "Durable";

    /// <summary>False when an external trigger (the Functions host) delivers queue messages instead of the built-in dispatcher.</summary>
    public bool EnableDispatcher { get; set; } = true;

    public int MaxConcurrentOrchestrations { get; set; } = 4;

    public int MaxConcurrentActivities { get; set; } = 8;

    /// <summary>Longest wait between polls of an idle queue (polling backs off up to this).</summary>
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>First wait after a poll found nothing.</summary>
    public TimeSpan MinPollingInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How long a received work item stays invisible to other workers.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A work item failing this many times is set aside as poison.</summary>
    public int MaxDequeueCount { get; set; } = 5;

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Most instances one sweep wakes.</summary>
    public int SweepBatchSize { get; set; } = 1000;

    /// <summary>Wake-ups received per poll (Azure queues allow 32).</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>Longer durable timers are chains of timers of at most this length (queue visibility is capped at 7 days).</summary>
    public TimeSpan MaximumTimerInterval { get; set; } = TimeSpan.FromDays(3);

    /// <summary>
    /// Outbox records still pending this long after their step committed are assumed lost (crash between commit
    /// and dispatch) and are dispatched again by the next wake-up or the sweep.
    /// </summary>
    public TimeSpan OutboxRedispatchDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// With the built-in dispatcher: activities this process schedules run here at once (their queue message is sent
    /// already leased to this process, as the durable fallback), and an instance's next step runs directly after this
    /// process appends to its inbox, instead of going through queue polling. Off: every hand-over goes through the queues.
    /// </summary>
    public bool EnableLocalFastPath { get; set; } = true;
}
