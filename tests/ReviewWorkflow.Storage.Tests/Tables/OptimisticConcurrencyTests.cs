using ReviewWorkflow.Storage.Tables;
using ReviewWorkflow.Storage.Tests.Support;

namespace ReviewWorkflow.Storage.Tests.Tables;

public sealed class OptimisticConcurrencyTests
{
    [Theory]
    [InlineData(TableUpdateMode.Replace)]
    [InlineData(TableUpdateMode.Merge)]
    public async Task Two_writers_with_the_same_etag_exactly_one_wins(TableUpdateMode mode)
    {
        var table = await TestStorage.NewTableAsync();
        var etag = await table.AddEntityAsync(new TableEntity("cycle-7", "status") { ["Stage"] = "Drafting" });

        async Task<string?> Write(string stage)
        {
            try
            {
                await table.UpdateEntityAsync(new TableEntity("cycle-7", "status") { ["Stage"] = stage }, etag, mode);
                return null;
            }
            catch (StorageRequestException ex)
            {
                return $"{ex.Status} {ex.ErrorCode}";
            }
        }

        var results = await Task.WhenAll(Write("Consultation"), Write("Ratification"));

        Assert.Single(results, r => r is null);
        Assert.Single(results, r => r == "412 UpdateConditionNotSatisfied");
        var stored = await table.GetEntityAsync("cycle-7", "status");
        Assert.Contains(stored!.GetString("Stage"), new[] { "Consultation", "Ratification" });
    }

    [Fact]
    public async Task Star_if_match_overwrites_regardless_of_etag()
    {
        var table = await TestStorage.NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = 1 });

        await table.UpdateEntityAsync(new TableEntity("p", "r") { ["V"] = 2 }, "*");

        Assert.Equal(2, (await table.GetEntityAsync("p", "r"))!.GetInt32("V"));
    }
}
