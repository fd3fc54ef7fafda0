using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Tests.Fixtures;

namespace ReviewWorkflow.Workflow.Tests.Storage;

/// <summary>
/// Two writers (two app instances, each with its own idea of the chain's tail) appending to one cycle: the one whose
/// tail is out of date gets 409 from the insert, reads the tail again and appends after it, so the chain never forks.
/// </summary>
public class AuditChainForkTests
{
    private static readonly DateTimeOffset Start = new(2027, 2, 1, 8, 0, 0, TimeSpan.Zero);

    private static async Task<(AuditLog A, AuditLog B, StorageCalls Calls)> TwoWritersAsync()
    {
        var (table, calls) = await TestTables.CreateCountedAsync("fork");
        var clock = new ManualTimeProvider(Start);
        return (new AuditLog(table, clock), new AuditLog(table, clock), calls);
    }

    [Fact]
    public async Task A_writer_with_a_stale_tail_gets_a_conflict_and_appends_after_the_other_writer()
    {
        var (a, b, calls) = await TwoWritersAsync();
        await a.AppendAsync("cycle-1", new AuditEvent { Action = AuditActions.CycleStarted, Subject = "first" });
        await b.AppendAsync("cycle-1", new AuditEvent { Action = AuditActions.ReminderSent, Subject = "b reads the tail (1) and appends 2" });
        var second = await a.AppendAsync("cycle-1", new AuditEvent { Action = AuditActions.ReminderSent, Subject = "a still thinks the tail is 1" });
        calls.Clear();

        var third = await b.AppendAsync("cycle-1", new AuditEvent { Action = AuditActions.ReminderSent, Subject = "b thinks the tail is 2" });

        Assert.Equal(3, second.Sequence); // a's first attempt (sequence 2) lost to b and was retried after it
        Assert.Equal(4, third.Sequence);
        Assert.Equal(second.Hash, third.PreviousHash);
        Assert.Equal(["POST", "GET", "POST"], calls.All); // insert refused (409), the tail read again, insert after it
        var entries = await a.ReadAllAsync("cycle-1");
        Assert.Equal([1L, 2, 3, 4], entries.Select(e => e.Sequence));
        Assert.Equal(AuditVerification.Ok(4), await a.VerifyAsync("cycle-1"));
    }

    [Fact]
    public async Task Racing_appends_with_idempotency_keys_commit_entry_and_key_together_and_never_fork()
    {
        var (a, b, _) = await TwoWritersAsync();
        await a.AppendAsync("cycle-1", new AuditEvent { Action = AuditActions.CycleStarted });
        await b.AppendAsync("cycle-1", new AuditEvent { Action = AuditActions.ReminderSent, IdempotencyKey = "reminder-1" });

        var fromA = await a.AppendAsync("cycle-1", new AuditEvent { Action = AuditActions.ReminderSent, IdempotencyKey = "reminder-2" }); // a's tail is stale
        var repeatFromA = await a.AppendAsync("cycle-1", new AuditEvent { Action = AuditActions.ReminderSent, IdempotencyKey = "reminder-1" });

        Assert.Equal(3, fromA.Sequence); // the transaction at sequence 2 failed whole (409) and was retried at 3
        Assert.Equal(2, repeatFromA.Sequence); // the key written in b's transaction names b's entry
        Assert.Equal(AuditVerification.Ok(3), await b.VerifyAsync("cycle-1"));
    }

    [Fact]
    public async Task Two_writers_appending_at_once_leave_one_gap_free_chain()
    {
        var (a, b, _) = await TwoWritersAsync();
        const int each = 10;

        await Task.WhenAll(
            Task.Run(async () => { for (var i = 0; i < each; i++) { await a.AppendAsync("cycle-1", new AuditEvent { Action = AuditActions.ReminderSent, Subject = $"a{i}" }); } }),
            Task.Run(async () => { for (var i = 0; i < each; i++) { await b.AppendAsync("cycle-1", new AuditEvent { Action = AuditActions.ReminderSent, Subject = $"b{i}" }); } }));

        var entries = await a.ReadAllAsync("cycle-1");
        Assert.Equal(Enumerable.Range(1, 2 * each).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal(2 * each, entries.Select(e => e.Subject).Distinct().Count());
        Assert.Equal(AuditVerification.Ok(2 * each), await b.VerifyAsync("cycle-1"));
    }
}
