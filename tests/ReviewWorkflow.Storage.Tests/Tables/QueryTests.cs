using ReviewWorkflow.Storage.Tables;
using ReviewWorkflow.Storage.Tests.Support;

namespace ReviewWorkflow.Storage.Tests.Tables;

public sealed class QueryTests
{
    [Fact]
    public async Task Query_over_more_than_1000_entities_returns_each_exactly_once()
    {
        var table = await TestStorage.NewTableAsync();
        const int total = 1_150;
        for (var batch = 0; batch < total / 50; batch++)
        {
            var actions = Enumerable.Range(batch * 50, 50)
                .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity($"p{i % 2}", $"r{i:D5}") { ["N"] = i }))
                .GroupBy(a => a.Entity.PartitionKey);
            foreach (var group in actions)
            {
                await table.SubmitTransactionAsync(group.ToList());
            }
        }

        var all = await table.QueryAsync().ToListAsync();
        var firstPage = await table.QueryPageAsync();

        Assert.Equal(total, all.Count);
        Assert.Equal(Enumerable.Range(0, total), all.Select(e => e.GetInt32("N")!.Value).Order());
        Assert.True(firstPage.Entities.Count <= TableClient.MaxPageSize);
        Assert.NotNull(firstPage.Continuation);
    }

    [Fact]
    public async Task Filter_select_and_top_page_through_matching_entities()
    {
        var table = await TestStorage.NewTableAsync();
        await table.SubmitTransactionAsync(Enumerable.Range(0, 20)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("cycle-1", $"r{i:D2}") { ["N"] = i, ["Other"] = "x" }))
            .ToList());

        var pages = new List<TablePage>();
        TableContinuation? continuation = null;
        do
        {
            var page = await table.QueryPageAsync(TableFilter.Create($"PartitionKey eq {"cycle-1"} and N ge {5}"), ["N"], top: 4, continuation);
            pages.Add(page);
            continuation = page.Continuation;
        }
        while (continuation is not null);

        var entities = pages.SelectMany(p => p.Entities).ToList();
        Assert.Equal(Enumerable.Range(5, 15), entities.Select(e => e.GetInt32("N")!.Value));
        Assert.All(pages, p => Assert.True(p.Entities.Count <= 4));
        Assert.All(entities, e => Assert.False(e.ContainsKey("Other")));
        Assert.True(pages.Count >= 4);
    }

    [Fact]
    public async Task Query_with_no_match_returns_an_empty_last_page()
    {
        var table = await TestStorage.NewTableAsync();

        var page = await table.QueryPageAsync(TableFilter.Create($"PartitionKey eq {"none"}"));

        Assert.Empty(page.Entities);
        Assert.Null(page.Continuation);
    }
}
