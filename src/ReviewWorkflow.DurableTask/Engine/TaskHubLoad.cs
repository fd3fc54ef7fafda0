namespace ReviewWorkflow.DurableTask.Engine;

/// <summary>A snapshot of the work a task hub holds: messages in its queues (visible or locked) and work items in flight here.</summary>
internal sealed record TaskHubLoad(int QueuedMessages, int OrchestrationsInFlight, int ActivitiesInFlight, IReadOnlyDictionary<string, int> MessagesByQueue)
{
    public bool IsQuiet => QueuedMessages == 0 && OrchestrationsInFlight == 0 && ActivitiesInFlight == 0;

    public override string ToString() =>
        $"{QueuedMessages} queued message(s) [{string.Join(", ", MessagesByQueue.Where(q => q.Value > 0).Select(q => $"{q.Key}: {q.Value}"))}], " +
        $"{OrchestrationsInFlight} orchestration and {ActivitiesInFlight} activity work item(s) in flight";
}
