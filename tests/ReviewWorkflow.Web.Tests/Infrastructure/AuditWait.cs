using ReviewWorkflow.Workflow.Audit;

namespace ReviewWorkflow.Web.Tests.Infrastructure;

/// <summary>The running stage audits a command's outcome when it applies it, moments after the API accepted it: tests
/// wait for that row (failing after a minute) instead of reading the trail at once.</summary>
internal static class AuditWait
{
    public static async Task<IReadOnlyList<AuditEntry>> ForAsync(AuditLog audit, string cycleId, Func<AuditEntry, bool> row, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            var trail = await audit.ReadAllAsync(cycleId);
            if (trail.Any(row))
            {
                return trail;
            }

            if (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"No audit row for {what} in cycle {cycleId} after a minute.");
            }

            await Task.Delay(100);
        }
    }
}
