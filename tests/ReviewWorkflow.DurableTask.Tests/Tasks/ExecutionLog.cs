using System.Collections.Concurrent;

namespace ReviewWorkflow.DurableTask.Tests.Tasks;

/// <summary>Counts activity executions per activity and instance (a singleton per test; two hosts may share one).</summary>
public sealed class ExecutionLog
{
    private readonly ConcurrentDictionary<string, int> _counts = new();

    public void Record(string activity, string instanceId) => _counts.AddOrUpdate($"{activity}/{instanceId}", 1, (_, n) => n + 1);

    public int Count(string activity, string instanceId) => _counts.TryGetValue($"{activity}/{instanceId}", out var n) ? n : 0;

    public int Total(string activity) => _counts.Where(c => c.Key.StartsWith(activity + "/", StringComparison.Ordinal)).Sum(c => c.Value);
}
