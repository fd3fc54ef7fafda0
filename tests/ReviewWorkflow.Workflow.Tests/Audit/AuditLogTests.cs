using System.Text.Json.Nodes;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Tests.Fixtures;

namespace ReviewWorkflow.Workflow.Tests.Audit;

public class AuditLogTests
{
    private static readonly DateTimeOffset Start = new(2027, 1, 4, 9, 0, 0, TimeSpan.Zero);

    private static AuditEvent Event(string action, string? subject = null, string? key = null) => new()
    {
        Actor = "lead@council.example",
        Role = AuditRole.Lead,
        Action = action,
        Subject = subject,
        RequestId = "req-1",
        IdempotencyKey = key,
    };

    [Fact]
    public async Task Append_ThenRead_ReturnsEntriesInOrder_ChainedByHash()
    {
        var clock = new ManualTimeProvider(Start);
        var log = new AuditLog(await TestTables.CreateAsync("audit"), clock);
        await log.AppendAsync("cycle-1", Event(AuditActions.CycleStarted));
        clock.Advance(TimeSpan.FromMinutes(5));
        await log.AppendAsync("cycle-1", Event(AuditActions.RequestSent, "c-1") with
        {
            Role = AuditRole.System,
            Actor = "system",
            MessageId = "sg-abc",
            Details = new JsonObject { ["group"] = "Foster carers" },
        });
        clock.Advance(TimeSpan.FromMinutes(5));
        await log.AppendAsync("cycle-1", Event(AuditActions.ReminderSent, "c-1"));
        await log.AppendAsync("cycle-2", Event(AuditActions.CycleStarted));

        var entries = await log.ReadAllAsync("cycle-1");

        Assert.Equal([1L, 2L, 3L], entries.Select(e => e.Sequence));
        Assert.Equal([AuditActions.CycleStarted, AuditActions.RequestSent, AuditActions.ReminderSent], entries.Select(e => e.Action));
        Assert.Equal(AuditHasher.Genesis, entries[0].PreviousHash);
        Assert.Equal(entries[0].Hash, entries[1].PreviousHash);
        Assert.Equal(entries[1].Hash, entries[2].PreviousHash);
        Assert.Equal(Start.AddMinutes(5), entries[1].Time);
        Assert.Equal("sg-abc", entries[1].MessageId);
        Assert.Equal("{\"group\":\"Foster carers\"}", entries[1].Details);
        Assert.Equal(AuditRole.System, entries[1].Role);
        Assert.Equal("req-1", entries[0].RequestId);
        Assert.Single(await log.ReadAllAsync("cycle-2"));
        Assert.Equal(AuditVerification.Ok(3), await log.VerifyAsync("cycle-1"));
    }

    [Fact]
    public async Task Append_FromTwoLogInstances_ContinuesTheSameChain()
    {
        var table = await TestTables.CreateAsync("audit");
        var clock = new ManualTimeProvider(Start);
        var first = new AuditLog(table, clock);
        var second = new AuditLog(table, clock);

        await first.AppendAsync("cycle-1", Event("A"));
        await first.AppendAsync("cycle-1", Event("B"));
        var third = await second.AppendAsync("cycle-1", Event("C"));
        var fourth = await first.AppendAsync("cycle-1", Event("D")); // stale tail: 409, re-read, retry

        Assert.Equal(3, third.Sequence);
        Assert.Equal(4, fourth.Sequence);
        Assert.Equal(third.Hash, fourth.PreviousHash);
        Assert.True((await first.VerifyAsync("cycle-1")).Valid);
    }

    [Fact]
    public async Task Append_TimeNeverGoesBackwards_EvenIfTheClockDoes()
    {
        var clock = new ManualTimeProvider(Start);
        var log = new AuditLog(await TestTables.CreateAsync("audit"), clock);
        await log.AppendAsync("cycle-1", Event("A"));
        clock.Advance(TimeSpan.FromSeconds(-30));
        var second = await log.AppendAsync("cycle-1", Event("B"));
        Assert.Equal(Start, second.Time);
    }

    [Fact]
    public async Task Append_SameIdempotencyKeyTwice_WritesOneRow()
    {
        var log = new AuditLog(await TestTables.CreateAsync("audit"), new ManualTimeProvider(Start));
        var first = await log.AppendAsync("cycle-1", Event(AuditActions.RequestSent, "c-1", key: "cycle-1:send-request:c-1"));
        var again = await log.AppendAsync("cycle-1", Event(AuditActions.RequestSent, "c-1", key: "cycle-1:send-request:c-1"));
        var other = await log.AppendAsync("cycle-1", Event(AuditActions.RequestSent, "c-2", key: "cycle-1:send-request:c-2"));

        Assert.Equal(first, again);
        Assert.Equal(2, other.Sequence);
        Assert.Equal(2, (await log.ReadAllAsync("cycle-1")).Count);
        Assert.True((await log.VerifyAsync("cycle-1")).Valid);
    }

    [Fact]
    public async Task Append_SameIdempotencyKeyFromRacingInstances_WritesOneRow()
    {
        var table = await TestTables.CreateAsync("audit");
        var clock = new ManualTimeProvider(Start);
        var logs = Enumerable.Range(0, 6).Select(_ => new AuditLog(table, clock)).ToList();

        var results = await Task.WhenAll(logs.Select(l => Task.Run(() => l.AppendAsync("cycle-1", Event(AuditActions.DecisionRecorded, "Cabinet", key: "decision:cabinet")))));

        Assert.Single(results.Select(r => r.Sequence).Distinct());
        Assert.Single(await logs[0].ReadAllAsync("cycle-1"));
    }

    [Fact]
    public async Task Append_InvalidEvent_IsRefusedBeforeWriting()
    {
        var log = new AuditLog(await TestTables.CreateAsync("audit"), new ManualTimeProvider(Start));
        await Assert.ThrowsAsync<ArgumentException>(() => log.AppendAsync("cycle-1", Event(" ")));
        await Assert.ThrowsAsync<ArgumentException>(() => log.AppendAsync("cycle/1", Event("A")));
        await Assert.ThrowsAsync<ArgumentException>(() => log.AppendAsync("cycle-1", Event("A") with { Subject = new string('x', 1001) }));
        Assert.Empty(await log.ReadAllAsync("cycle-1"));
    }

    [Fact]
    public async Task Verify_EmptyTrail_IsValidWithNoRows() =>
        Assert.Equal(AuditVerification.Ok(0), await new AuditLog(await TestTables.CreateAsync("audit"), TimeProvider.System).VerifyAsync("none"));
}
