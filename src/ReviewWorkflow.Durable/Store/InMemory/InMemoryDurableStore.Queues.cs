namespace ReviewWorkflow.Durable.Store.InMemory;

public sealed partial class InMemoryDurableStore
{
    public Task SendWakeupAsync(string instanceId, TimeSpan delay, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        if (delay < TimeSpan.Zero)
        {
            delay = TimeSpan.Zero;
        }

        Enqueue(WorkItemKind.Orchestration, instanceId, delay > MaxWakeupDelay ? MaxWakeupDelay : delay);
        return Task.CompletedTask;
    }

    public Task SendActivityAsync(string activityJson, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activityJson);
        Enqueue(WorkItemKind.Activity, activityJson, TimeSpan.Zero);
        return Task.CompletedTask;
    }

    public Task<WorkItemLease?> SendActivityLeasedAsync(string activityJson, TimeSpan leaseDuration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activityJson);
        lock (_gate)
        {
            var m = new QueueMessage(Guid.NewGuid().ToString("N"), activityJson, ++_sequence)
            {
                VisibleAt = _time.GetUtcNow() + leaseDuration,
                DequeueCount = 1,
                Receipt = Guid.NewGuid().ToString("N"),
            };
            _queues[WorkItemKind.Activity].Add(m);
            return Task.FromResult<WorkItemLease?>(new WorkItemLease(WorkItemKind.Activity, m.Id, m.Receipt, m.Text, m.DequeueCount));
        }
    }

    public Task<IReadOnlyList<WorkItemLease>> ReceiveAsync(WorkItemKind kind, int maxMessages, TimeSpan leaseDuration, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var leases = new List<WorkItemLease>();
            foreach (var m in _queues[kind].Where(m => m.VisibleAt <= now).OrderBy(m => m.VisibleAt).ThenBy(m => m.Order).Take(maxMessages))
            {
                m.DequeueCount++;
                m.Receipt = Guid.NewGuid().ToString("N");
                m.VisibleAt = now + leaseDuration;
                leases.Add(new WorkItemLease(kind, m.Id, m.Receipt, m.Text, m.DequeueCount));
            }

            return Task.FromResult<IReadOnlyList<WorkItemLease>>(leases);
        }
    }

    public Task CompleteAsync(WorkItemLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        lock (_gate)
        {
            if (Find(lease) is { } m)
            {
                _queues[lease.Kind].Remove(m);
            }
        }

        return Task.CompletedTask;
    }

    public Task AbandonAsync(WorkItemLease lease, TimeSpan delay, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        lock (_gate)
        {
            if (Find(lease) is { } m)
            {
                m.VisibleAt = _time.GetUtcNow() + (delay < TimeSpan.Zero ? TimeSpan.Zero : delay);
                m.Receipt = null;
            }
        }

        return Task.CompletedTask;
    }

    public Task SetAsidePoisonAsync(WorkItemLease lease, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        lock (_gate)
        {
            if (Find(lease) is { } m)
            {
                _queues[lease.Kind].Remove(m);
                _poison.Add(new PoisonRecord(lease.Kind, m.Id, m.Text, m.DequeueCount, reason, _time.GetUtcNow()));
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<PoisonRecord>> GetPoisonAsync(int max, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<PoisonRecord>>(_poison.Take(max).ToList());
        }
    }

    public Task<int> GetBacklogAsync(WorkItemKind kind, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_queues[kind].Count);
        }
    }

    /// <summary>When the earliest currently invisible queue message becomes visible (test hosts jump the clock to it).</summary>
    public DateTimeOffset? NextQueueVisibleAt()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            return _queues.Values.SelectMany(q => q).Where(m => m.VisibleAt > now).Select(m => (DateTimeOffset?)m.VisibleAt).Min();
        }
    }

    private void Enqueue(WorkItemKind kind, string text, TimeSpan delay)
    {
        lock (_gate)
        {
            _queues[kind].Add(new QueueMessage(Guid.NewGuid().ToString("N"), text, ++_sequence) { VisibleAt = _time.GetUtcNow() + delay });
        }
    }

    private QueueMessage? Find(WorkItemLease lease) =>
        _queues[lease.Kind].Find(m => m.Id == lease.MessageId && m.Receipt == lease.Receipt);

    private sealed class QueueMessage(string id, string text, long order)
    {
        public string Id { get; } = id;

        public string Text { get; } = text;

        public long Order { get; } = order;

        public DateTimeOffset VisibleAt { get; set; }

        public long DequeueCount { get; set; }

        public string? Receipt { get; set; }
    }
}
