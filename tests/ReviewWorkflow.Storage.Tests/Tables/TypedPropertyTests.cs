using System.Text;
using ReviewWorkflow.Storage.Tables;
using ReviewWorkflow.Storage.Tables.Internal;
using ReviewWorkflow.Storage.Tests.Support;

namespace ReviewWorkflow.Storage.Tests.Tables;

public sealed class TypedPropertyTests
{
    private static readonly DateTimeOffset When = new DateTimeOffset(2026, 3, 14, 9, 26, 53, TimeSpan.FromHours(1)).AddTicks(5_897_931);
    private static readonly Guid Id = Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff");

    private static TableEntity Sample() => new("cycle-9", "typed")
    {
        ["Text"] = "Children in Care Council",
        ["Int"] = -42,
        ["Long"] = 9_007_199_254_740_993L, // 2^53 + 1: would lose precision as a JSON number
        ["SmallLong"] = 5L,
        ["WholeDouble"] = 3.0,
        ["Double"] = 0.1 + 0.2,
        ["Bool"] = true,
        ["When"] = When,
        ["Utc"] = new DateTime(2026, 1, 5, 10, 0, 0, DateTimeKind.Utc),
        ["Id"] = Id,
        ["Bytes"] = new byte[] { 0, 1, 2, 250, 255 },
        ["Empty"] = "",
    };

    private static void AssertTypedValues(TableEntity read)
    {
        Assert.Equal("Children in Care Council", Assert.IsType<string>(read["Text"]));
        Assert.Equal(-42, Assert.IsType<int>(read["Int"]));
        Assert.Equal(9_007_199_254_740_993L, Assert.IsType<long>(read["Long"]));
        Assert.Equal(5L, Assert.IsType<long>(read["SmallLong"]));
        Assert.Equal(3.0, Assert.IsType<double>(read["WholeDouble"]));
        Assert.Equal(0.1 + 0.2, Assert.IsType<double>(read["Double"]));
        Assert.True(Assert.IsType<bool>(read["Bool"]));
        Assert.Equal(When, Assert.IsType<DateTimeOffset>(read["When"]));
        Assert.Equal(TimeSpan.Zero, ((DateTimeOffset)read["When"]!).Offset);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero), read.GetDateTimeOffset("Utc"));
        Assert.Equal(Id, Assert.IsType<Guid>(read["Id"]));
        Assert.Equal(new byte[] { 0, 1, 2, 250, 255 }, Assert.IsType<byte[]>(read["Bytes"]));
        Assert.Equal("", read.GetString("Empty"));
    }

    [Fact]
    public async Task All_property_types_round_trip_with_exact_types()
    {
        var table = await TestStorage.NewTableAsync();
        await table.AddEntityAsync(Sample());

        var pointRead = await table.GetEntityAsync("cycle-9", "typed");
        var queried = Assert.Single(await table.QueryAsync().ToListAsync());

        AssertTypedValues(pointRead!);
        AssertTypedValues(queried);
    }

    [Fact]
    public async Task Special_doubles_round_trip()
    {
        var table = await TestStorage.NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["NaN"] = double.NaN, ["Inf"] = double.PositiveInfinity, ["Neg"] = -0.5, ["Big"] = 1e300 });

        var read = await table.GetEntityAsync("p", "r");

        Assert.True(double.IsNaN(Assert.IsType<double>(read!["NaN"])));
        Assert.Equal(double.PositiveInfinity, read["Inf"]);
        Assert.Equal(-0.5, read["Neg"]);
        Assert.Equal(1e300, read["Big"]);
    }

    [Fact]
    public void Serialized_json_has_edm_annotations_for_types_json_cannot_carry()
    {
        var json = Encoding.UTF8.GetString(EntityJson.Serialize(new TableEntity("p", "r")
        {
            ["L"] = 12L,
            ["D"] = 2.0,
            ["I"] = 7,
            ["T"] = new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero),
            ["G"] = Id,
            ["B"] = new byte[] { 1, 2, 3 },
            ["S"] = "x",
            ["F"] = false,
            ["Null"] = null,
        }));

        Assert.Equal(
            "{\"PartitionKey\":\"p\",\"RowKey\":\"r\"," +
            "\"L@odata.type\":\"Edm.Int64\",\"L\":\"12\"," +
            "\"D@odata.type\":\"Edm.Double\",\"D\":2," +
            "\"I\":7," +
            "\"T@odata.type\":\"Edm.DateTime\",\"T\":\"2026-01-05T10:00:00.0000000Z\"," +
            "\"G@odata.type\":\"Edm.Guid\",\"G\":\"6f9619ff-8b86-d011-b42d-00c04fc964ff\"," +
            "\"B@odata.type\":\"Edm.Binary\",\"B\":\"AQID\"," +
            "\"S\":\"x\",\"F\":false}",
            json);
    }
}
