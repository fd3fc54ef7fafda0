using ReviewWorkflow.Storage.Configuration;
using ReviewWorkflow.Storage.Tables;
using ReviewWorkflow.Storage.Tests.Support;

namespace ReviewWorkflow.Storage.Tests.Tables;

/// <summary>Bad keys and oversized entities fail with ArgumentException before any request is sent.</summary>
public sealed class ValidationTests
{
    private static async Task<(TableClient Table, CountingPolicy Counter)> TableWithCounter()
    {
        var counter = new CountingPolicy();
        var options = TestStorage.FastOptions();
        options.AdditionalPolicies.Add(counter);
        var table = await TestStorage.NewTableAsync(options);
        return (table, counter);
    }

    public static TheoryData<string, string> BadKeys() => new()
    {
        { "a/b", "'/'" },
        { "a\\b", "'\\'" },
        { "a#b", "'#'" },
        { "a?b", "'?'" },
        { "tab\there", "U+0009" },
        { "nul\0", "U+0000" },
        { "del\u007f", "U+007F" },
        { "c1\u0085", "U+0085" },
        { new string('k', 513), "1 KiB (512 UTF-16 characters)" },
    };

    [Theory]
    [MemberData(nameof(BadKeys))]
    public async Task Bad_keys_are_rejected_before_any_request(string key, string expected)
    {
        var (table, counter) = await TableWithCounter();
        var before = counter.Count;

        var errors = new List<ArgumentException>
        {
            await Assert.ThrowsAnyAsync<ArgumentException>(() => table.AddEntityAsync(new TableEntity(key, "r"))),
            await Assert.ThrowsAnyAsync<ArgumentException>(() => table.UpsertEntityAsync(new TableEntity("p", key))),
            await Assert.ThrowsAnyAsync<ArgumentException>(() => table.UpdateEntityAsync(new TableEntity("p", key), "*")),
            await Assert.ThrowsAnyAsync<ArgumentException>(() => table.GetEntityAsync(key, "r")),
            await Assert.ThrowsAnyAsync<ArgumentException>(() => table.DeleteEntityAsync("p", key)),
        };

        Assert.All(errors, e => Assert.Contains(expected, e.Message, StringComparison.Ordinal));
        Assert.Equal(before, counter.Count);
    }

    public static TheoryData<string, string> BadEntities() => new()
    {
        { "too many properties", "252" },
        { "long string", "64 KiB" },
        { "big binary", "64 KiB" },
        { "too big", "1 MiB" },
        { "too big as json", "bytes of JSON" },
        { "decimal", "supported types" },
        { "reserved name", "reserved" },
        { "bad name", "not valid" },
        { "ancient date", "1601" },
    };

    [Theory]
    [MemberData(nameof(BadEntities))]
    public async Task Oversized_or_unsupported_entities_are_rejected_before_any_request(string problem, string expected)
    {
        var (table, counter) = await TableWithCounter();
        var entity = new TableEntity("p", "r");
        switch (problem)
        {
            case "too many properties":
                for (var i = 0; i < 253; i++)
                {
                    entity["P" + i] = i;
                }

                break;
            case "long string":
                entity["S"] = new string('x', (32 * 1024) + 1);
                break;
            case "big binary":
                entity["B"] = new byte[(64 * 1024) + 1];
                break;
            case "too big":
                for (var i = 0; i < 17; i++)
                {
                    entity["S" + i] = new string('x', 32 * 1024);
                }

                break;
            case "too big as json":
                // 15 × 64 KiB binary is under 1 MiB by the service's formula, but its Base64 JSON is about 1.3 MB.
                for (var i = 0; i < 15; i++)
                {
                    entity["B" + i] = new byte[64 * 1024];
                }

                break;
            case "decimal":
                entity["Money"] = 1.5m;
                break;
            case "reserved name":
                entity["Timestamp"] = DateTimeOffset.UtcNow;
                break;
            case "bad name":
                entity["has space"] = 1;
                break;
            case "ancient date":
                entity["When"] = new DateTime(1600, 12, 31, 0, 0, 0, DateTimeKind.Utc);
                break;
        }

        var before = counter.Count;
        var add = await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(entity));
        var batch = await Assert.ThrowsAsync<ArgumentException>(
            () => table.SubmitTransactionAsync([new TableTransactionAction(TableTransactionActionType.UpsertMerge, entity)]));

        Assert.Contains(expected, add.Message, StringComparison.Ordinal);
        Assert.Contains(expected, batch.Message, StringComparison.Ordinal);
        Assert.Equal(before, counter.Count);
    }

    [Fact]
    public async Task Entities_at_the_limits_are_accepted()
    {
        var table = await TestStorage.NewTableAsync();
        var entity = new TableEntity(new string('p', 512), new string('r', 512))
        {
            ["S"] = new string('s', 32 * 1024),
            ["B"] = new byte[64 * 1024],
        };
        for (var i = 0; i < 250; i++)
        {
            entity["P" + i] = i;
        }

        await table.AddEntityAsync(entity);

        Assert.Equal(252, (await table.GetEntityAsync(entity.PartitionKey, entity.RowKey))!.Count);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("1abc")]
    [InlineData("has-dash")]
    [InlineData("Tables")]
    public void Bad_table_names_are_rejected(string name)
    {
        var service = new TableServiceClient(StorageConnection.Parse("UseDevelopmentStorage=true"));

        var ex = Assert.Throws<ArgumentException>(() => service.GetTableClient(name));

        Assert.Contains("Table name", ex.Message, StringComparison.Ordinal);
    }
}
