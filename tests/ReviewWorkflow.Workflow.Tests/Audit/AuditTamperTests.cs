using Azure;
using Azure.Data.Tables;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Tests.Fixtures;

namespace ReviewWorkflow.Workflow.Tests.Audit;

public class AuditTamperTests
{
    private static async Task<(TableClient Table, AuditLog Log)> FiveRowsAsync()
    {
        var table = await TestTables.CreateAsync("audit");
        var clock = new ManualTimeProvider(new DateTimeOffset(2027, 4, 20, 18, 0, 0, TimeSpan.Zero));
        var log = new AuditLog(table, clock);
        foreach (var body in new[] { "Panel", "Cabinet", "Council", "Scrutiny", "Board" })
        {
            clock.Advance(TimeSpan.FromDays(1));
            await log.AppendAsync("cycle-1", new AuditEvent { Actor = "clerk@council.example", Role = AuditRole.Clerk, Action = AuditActions.DecisionRecorded, Subject = body });
        }

        return (table, log);
    }

    private static string Key(long sequence) => "e-" + sequence.ToString("D10", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task ChangingARow_FailsVerificationAtThatRow()
    {
        var (table, log) = await FiveRowsAsync();
        var row = (await table.GetEntityAsync<TableEntity>("cycle-1", Key(3))).Value;
        row["Subject"] = "Full Council (amended)";
        await table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Replace);

        var result = await log.VerifyAsync("cycle-1");

        Assert.False(result.Valid);
        Assert.Equal(3, result.FirstBrokenSequence);
        Assert.Equal(5, result.Rows);
        Assert.Contains("does not match its hash", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangingARowAndRecomputingItsHash_FailsAtTheNextRow()
    {
        var (table, log) = await FiveRowsAsync();
        var row = (await table.GetEntityAsync<TableEntity>("cycle-1", Key(2))).Value;
        row["Actor"] = "someone-else@council.example";
        var forged = AuditRows.FromEntity(row);
        row["Hash"] = AuditHasher.Compute(forged);
        await table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Replace);

        var result = await log.VerifyAsync("cycle-1");

        Assert.False(result.Valid);
        Assert.Equal(3, result.FirstBrokenSequence);
        Assert.Contains("does not point to the hash of row 2", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemovingARow_FailsVerificationWhereItWas()
    {
        var (table, log) = await FiveRowsAsync();
        await table.DeleteEntityAsync("cycle-1", Key(4));

        var result = await log.VerifyAsync("cycle-1");

        Assert.False(result.Valid);
        Assert.Equal(4, result.FirstBrokenSequence);
        Assert.Contains("missing", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UntouchedTrail_Verifies()
    {
        var (_, log) = await FiveRowsAsync();
        Assert.Equal(AuditVerification.Ok(5), await log.VerifyAsync("cycle-1"));
    }
}
