using Azure.Data.Tables;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Responses;
using ReviewWorkflow.Workflow.Tests.Fixtures;

namespace ReviewWorkflow.Workflow.Tests.Storage;

/// <summary>What is written is read back with the same types, through our stores and through the SDK on Azurite.</summary>
public class TypedRowTests
{
    private static readonly DateTimeOffset At = new DateTimeOffset(2027, 2, 1, 9, 30, 15, 123, TimeSpan.Zero).AddTicks(4567);

    [Fact]
    public async Task Every_property_type_a_store_may_use_round_trips_with_its_type_and_value()
    {
        var table = await TestTables.CreateAsync("typed");
        var id = Guid.Parse("6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
        byte[] bytes = [0, 1, 2, 254, 255];
        await table.AddEntityAsync(new TableEntity("p", "r")
        {
            ["When"] = At,
            ["Count"] = 9_007_199_254_740_993L, // beyond a double's exact integers: sent as Edm.Int64 text
            ["Small"] = 42,
            ["Flag"] = true,
            ["Id"] = id,
            ["Bytes"] = bytes,
            ["Ratio"] = 0.1 + 0.2,
            ["Text"] = "Ŵŷ 'quoted' \"double\"",
        });

        var read = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;
        var queried = Assert.Single(await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"p"}")).ToListAsync());

        foreach (var row in new[] { read, queried })
        {
            Assert.Equal(At, Assert.IsType<DateTimeOffset>(row["When"]));
            Assert.Equal(9_007_199_254_740_993L, Assert.IsType<long>(row["Count"]));
            Assert.Equal(42, Assert.IsType<int>(row["Small"]));
            Assert.True(Assert.IsType<bool>(row["Flag"]));
            Assert.Equal(id, Assert.IsType<Guid>(row["Id"]));
            Assert.Equal(bytes, Assert.IsType<byte[]>(row["Bytes"]));
            Assert.Equal(0.1 + 0.2, Assert.IsType<double>(row["Ratio"]));
            Assert.Equal("Ŵŷ 'quoted' \"double\"", row.GetString("Text"));
        }
    }

    [Fact]
    public async Task A_stored_response_reads_back_with_its_dates_flags_and_numbers()
    {
        var clock = new ManualTimeProvider(At);
        var store = new ResponseStore(await TestTables.CreateAsync("typed"), clock);
        var rules = new ResponseRules { PledgeCount = 2, Closes = new DateOnly(2027, 1, 20) }; // closed: a submission is late
        var content = new ResponseContent { Comments = "c", Answers = [new PledgeAnswer { Pledge = 1, View = PledgeView.Agree, Comment = "yes" }] };

        var saved = (await store.SaveAsync("cycle-1", "consultee-1", content, "Riley", null, rules)).Response!;
        clock.Advance(TimeSpan.FromMinutes(5));
        var sent = (await store.SubmitAsync("cycle-1", "consultee-1", "Riley", saved.ETag, rules)).Response!;
        var read = (await store.GetAsync("cycle-1", "consultee-1"))!;

        Assert.Equal((At, At.AddMinutes(5), At.AddMinutes(5)), (read.StartedAt, read.UpdatedAt, read.SubmittedAt));
        Assert.Equal((true, 2, ResponseStatus.Submitted, sent.ETag), (read.Late, read.Version, read.Status, read.ETag));
        Assert.True(read.Content.SameAs(content));
        Assert.Equal(At, Assert.Single(read.Contributors).FirstSavedAt);
    }

    [Fact]
    public async Task An_audit_entry_reads_back_with_its_sequence_and_time()
    {
        var log = new AuditLog(await TestTables.CreateAsync("typed"), new ManualTimeProvider(At));

        var written = await log.AppendAsync("cycle-1", new AuditEvent { Action = AuditActions.CycleStarted, Subject = "Ŵŷ 'x'" });
        var read = Assert.Single(await log.ReadAllAsync("cycle-1"));

        Assert.Equal(written, read);
        Assert.Equal(AuditHasher.Truncate(At), read.Time);
    }
}
