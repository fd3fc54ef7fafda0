using ReviewWorkflow.Workflow.Audit;

namespace ReviewWorkflow.Workflow.Tests.Audit;

public class AuditHasherTests
{
    private static readonly AuditEntry Entry = new()
    {
        CycleId = "cic-2027",
        Sequence = 1,
        Time = new DateTimeOffset(2027, 1, 4, 9, 0, 0, 123, TimeSpan.Zero),
        Actor = "lead@council.example",
        Role = AuditRole.Lead,
        Action = AuditActions.CycleStarted,
        PreviousHash = AuditHasher.Genesis,
    };

    [Fact]
    public void Compute_IsStableLowercaseHex() =>
        Assert.Matches("^[0-9a-f]{64}$", AuditHasher.Compute(Entry));

    [Fact]
    public void Compute_ChangesWithEveryField()
    {
        var hash = AuditHasher.Compute(Entry);
        Assert.Equal(hash, AuditHasher.Compute(Entry with { Hash = "ignored" }));
        Assert.NotEqual(hash, AuditHasher.Compute(Entry with { Actor = "clerk@council.example" }));
        Assert.NotEqual(hash, AuditHasher.Compute(Entry with { Role = AuditRole.Admin }));
        Assert.NotEqual(hash, AuditHasher.Compute(Entry with { Sequence = 2 }));
        Assert.NotEqual(hash, AuditHasher.Compute(Entry with { Time = Entry.Time.AddMilliseconds(1) }));
        Assert.NotEqual(hash, AuditHasher.Compute(Entry with { Subject = "" }));
        Assert.NotEqual(hash, AuditHasher.Compute(Entry with { Details = "{}" }));
        Assert.NotEqual(hash, AuditHasher.Compute(Entry with { PreviousHash = new string('1', 64) }));
    }

    [Fact]
    public void Compute_SameInstantInAnotherOffset_HashesTheSame() =>
        Assert.Equal(AuditHasher.Compute(Entry), AuditHasher.Compute(Entry with { Time = Entry.Time.ToOffset(TimeSpan.FromHours(1)) }));

    [Fact]
    public void Truncate_DropsSubMillisecondTicks() =>
        Assert.Equal(Entry.Time, AuditHasher.Truncate(Entry.Time.AddTicks(9_999)));
}
