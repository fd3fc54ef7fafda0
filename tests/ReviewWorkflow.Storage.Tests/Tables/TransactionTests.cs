using ReviewWorkflow.Storage.Tables;
using ReviewWorkflow.Storage.Tests.Support;

namespace ReviewWorkflow.Storage.Tests.Tables;

public sealed class TransactionTests
{
    private static TableTransactionAction Add(string pk, string rk) => new(TableTransactionActionType.Add, new TableEntity(pk, rk) { ["V"] = rk });

    [Fact]
    public async Task A_batch_whose_last_operation_fails_writes_nothing_and_names_that_operation()
    {
        var table = await TestStorage.NewTableAsync();
        await table.AddEntityAsync(new TableEntity("cycle-3", "existing"));
        var actions = Enumerable.Range(0, 9).Select(i => Add("cycle-3", $"new-{i}")).Append(Add("cycle-3", "existing")).ToList();

        var ex = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(actions));

        Assert.Equal(9, ex.FailedOperationIndex);
        Assert.Equal((409, "EntityAlreadyExists"), (ex.Status, ex.ErrorCode));
        Assert.Contains("operation 9", ex.Message, StringComparison.Ordinal);
        var stored = await table.QueryAsync(TableFilter.Create($"PartitionKey eq {"cycle-3"}")).ToListAsync();
        Assert.Equal(["existing"], stored.Select(e => e.RowKey));
    }

    [Fact]
    public async Task A_stale_etag_in_the_middle_fails_with_412_and_its_index()
    {
        var table = await TestStorage.NewTableAsync();
        var etag = await table.AddEntityAsync(new TableEntity("p", "status") { ["Stage"] = "Drafting" });
        await table.UpdateEntityAsync(new TableEntity("p", "status") { ["Stage"] = "Consultation" }, etag);

        var ex = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync([
            Add("p", "history-1"),
            new(TableTransactionActionType.UpdateReplace, new TableEntity("p", "status") { ["Stage"] = "Ratification" }, etag),
            Add("p", "history-2"),
        ]));

        Assert.Equal(1, ex.FailedOperationIndex);
        Assert.Equal(412, ex.Status);
        Assert.Equal("UpdateConditionNotSatisfied", ex.ErrorCode);
        Assert.Null(await table.GetEntityAsync("p", "history-1"));
    }

    [Fact]
    public async Task Every_action_type_commits_atomically_and_returns_new_etags()
    {
        var table = await TestStorage.NewTableAsync();
        var e1 = await table.AddEntityAsync(new TableEntity("p", "replace") { ["A"] = 1, ["B"] = 1 });
        var e2 = await table.AddEntityAsync(new TableEntity("p", "merge") { ["A"] = 1 });
        var e3 = await table.AddEntityAsync(new TableEntity("p", "delete"));

        var results = await table.SubmitTransactionAsync([
            Add("p", "add"),
            new(TableTransactionActionType.UpdateReplace, new TableEntity("p", "replace") { ["A"] = 2 }, e1),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("p", "merge") { ["B"] = 2 }, e2),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("p", "upsert-replace") { ["A"] = 3 }),
            new(TableTransactionActionType.UpsertMerge, new TableEntity("p", "upsert-merge") { ["A"] = 4 }),
            new(TableTransactionActionType.Delete, new TableEntity("p", "delete"), e3),
        ]);

        Assert.Equal(6, results.Count);
        Assert.All(results, r => Assert.Equal(204, r.Status));
        Assert.Null(results[5].ETag);
        var replaced = await table.GetEntityAsync("p", "replace");
        Assert.Equal(results[1].ETag, replaced!.ETag);
        Assert.Equal(["A"], replaced.Keys);
        Assert.Equal(["A", "B"], (await table.GetEntityAsync("p", "merge"))!.Keys.Order());
        Assert.Equal(results[0].ETag, (await table.GetEntityAsync("p", "add"))!.ETag);
        Assert.NotNull(await table.GetEntityAsync("p", "upsert-replace"));
        Assert.NotNull(await table.GetEntityAsync("p", "upsert-merge"));
        Assert.Null(await table.GetEntityAsync("p", "delete"));
    }

    [Fact]
    public async Task One_hundred_operations_are_accepted()
    {
        var table = await TestStorage.NewTableAsync();

        var results = await table.SubmitTransactionAsync(Enumerable.Range(0, 100).Select(i => Add("p", $"r{i:D3}")).ToList());

        Assert.Equal(100, results.Count);
        Assert.Equal(100, (await table.QueryAsync().ToListAsync()).Count);
    }

    public static TheoryData<string, TableTransactionAction[]> InvalidTransactions() => new()
    {
        { "1..100", [] },
        { "1..100", Enumerable.Range(0, 101).Select(i => Add("p", $"r{i}")).ToArray() },
        { "one PartitionKey", [Add("p1", "r"), Add("p2", "r")] },
        { "only once", [Add("p", "r"), new(TableTransactionActionType.Delete, new TableEntity("p", "r"))] },
        { "forbids", [Add("p", "r"), Add("p", "bad/key")] },
    };

    [Theory]
    [MemberData(nameof(InvalidTransactions))]
    public async Task Invalid_transactions_are_rejected_before_sending(string expected, TableTransactionAction[] actions)
    {
        var counter = new CountingPolicy();
        var options = TestStorage.FastOptions();
        options.AdditionalPolicies.Add(counter);
        var table = await TestStorage.NewTableAsync(options);
        var before = counter.Count;

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(actions));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, counter.Count);
    }
}
