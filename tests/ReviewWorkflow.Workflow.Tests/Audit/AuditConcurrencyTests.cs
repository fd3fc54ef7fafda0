using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Tests.Fixtures;

namespace ReviewWorkflow.Workflow.Tests.Audit;

public class AuditConcurrencyTests
{
    [Fact]
    public async Task EightWritersAppendingAtOnce_YieldAGapFreeValidChain()
    {
        var table = await TestTables.CreateAsync("audit");
        var clock = new ManualTimeProvider(new DateTimeOffset(2027, 2, 1, 8, 0, 0, TimeSpan.Zero));
        const int writers = 8, each = 6;

        // One log per writer, as if eight activity workers ran in separate processes; plus one shared by all, as in one process.
        var shared = new AuditLog(table, clock);
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var own = new AuditLog(table, clock);
            for (var i = 0; i < each; i++)
            {
                var log = i % 2 == 0 ? own : shared;
                await log.AppendAsync("cycle-1", new AuditEvent { Action = AuditActions.ReminderSent, Subject = $"w{w}-{i}" });
            }
        })));

        var entries = await shared.ReadAllAsync("cycle-1");
        Assert.Equal(Enumerable.Range(1, writers * each).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal(writers * each, entries.Select(e => e.Subject).Distinct().Count());
        Assert.Equal(AuditVerification.Ok(writers * each), await shared.VerifyAsync("cycle-1"));
    }
}
