using ReviewWorkflow.Storage.Tables;
using ReviewWorkflow.Storage.Tests.Support;

namespace ReviewWorkflow.Storage.Tests.Tables;

public sealed class TableFilterTests
{
    [Fact]
    public void Literals_are_escaped_by_type()
    {
        Assert.Equal("'O''Brien'", TableFilter.Literal("O'Brien"));
        Assert.Equal("'x'' or PartitionKey ne '''", TableFilter.Literal("x' or PartitionKey ne '"));
        Assert.Equal("datetime'2026-01-05T09:00:00.0000000Z'", TableFilter.Literal(new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.FromHours(1))));
        Assert.Equal("datetime'2026-01-05T10:00:00.0000000Z'", TableFilter.Literal(new DateTime(2026, 1, 5, 10, 0, 0, DateTimeKind.Utc)));
        Assert.Equal("guid'6f9619ff-8b86-d011-b42d-00c04fc964ff'", TableFilter.Literal(Guid.Parse("6F9619FF-8B86-D011-B42D-00C04FC964FF")));
        Assert.Equal("123L", TableFilter.Literal(123L));
        Assert.Equal("-7", TableFilter.Literal(-7));
        Assert.Equal("true", TableFilter.Literal(true));
        Assert.Equal("false", TableFilter.Literal(false));
        Assert.Equal("2.5", TableFilter.Literal(2.5));
        Assert.Equal("3.0", TableFilter.Literal(3.0));
        Assert.Equal("X'00ff10'", TableFilter.Literal(new byte[] { 0, 255, 16 }));
        Assert.Throws<ArgumentException>(() => TableFilter.Literal(1.5m));
        Assert.Throws<ArgumentException>(() => TableFilter.Literal(double.NaN));
    }

    [Fact]
    public void Create_escapes_every_interpolated_argument()
    {
        var pk = "cycle's";
        var from = 10L;

        var filter = TableFilter.Create($"PartitionKey eq {pk} and Count ge {from} and Active eq {true}");

        Assert.Equal("PartitionKey eq 'cycle''s' and Count ge 10L and Active eq true", filter);
    }

    [Fact]
    public async Task An_injection_attempt_stays_a_literal_against_azurite()
    {
        var table = await TestStorage.NewTableAsync();
        var attack = "x' or PartitionKey ne '";
        await table.AddEntityAsync(new TableEntity("a", "1"));
        await table.AddEntityAsync(new TableEntity("b", "1"));

        var none = await table.QueryAsync(TableFilter.Create($"PartitionKey eq {attack}")).ToListAsync();
        await table.AddEntityAsync(new TableEntity(attack, "1"));
        var exactlyIt = await table.QueryAsync(TableFilter.Create($"PartitionKey eq {attack}")).ToListAsync();

        Assert.Empty(none);
        Assert.Equal(attack, Assert.Single(exactlyIt).PartitionKey);
    }

    [Fact]
    public async Task Typed_literals_match_typed_properties_in_azurite()
    {
        var table = await TestStorage.NewTableAsync();
        var when = new DateTimeOffset(2026, 2, 3, 4, 5, 6, TimeSpan.Zero);
        var id = Guid.Parse("0b9c2f1e-3d4a-4b5c-8d6e-7f8091a2b3c4");
        await table.AddEntityAsync(new TableEntity("p", "match")
        {
            ["L"] = 5_000_000_000L, ["D"] = 2.5, ["I"] = 3, ["B"] = true, ["T"] = when, ["G"] = id, ["X"] = new byte[] { 1, 2 },
        });
        await table.AddEntityAsync(new TableEntity("p", "other")
        {
            ["L"] = 1L, ["D"] = 1.5, ["I"] = 1, ["B"] = false, ["T"] = when.AddDays(-1), ["G"] = Guid.Empty, ["X"] = new byte[] { 9 },
        });

        foreach (var filter in new[]
                 {
                     TableFilter.Create($"L eq {5_000_000_000L}"),
                     TableFilter.Create($"D gt {2.0}"),
                     TableFilter.Create($"I eq {3}"),
                     TableFilter.Create($"B eq {true}"),
                     TableFilter.Create($"T ge {when}"),
                     TableFilter.Create($"G eq {id}"),
                     TableFilter.Create($"X eq {new byte[] { 1, 2 }}"),
                 })
        {
            var rows = await table.QueryAsync(filter).ToListAsync();
            Assert.True(rows.Count == 1 && rows[0].RowKey == "match", $"{filter} returned {rows.Count} rows");
        }
    }
}
