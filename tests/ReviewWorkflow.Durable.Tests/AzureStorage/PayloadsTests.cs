using System.Text;
using ReviewWorkflow.Durable.AzureStorage.Internal;
using ReviewWorkflow.Storage.Tables;

namespace ReviewWorkflow.Durable.Tests.AzureStorage;

public sealed class PayloadsTests
{
    private static (TableEntity Row, List<TableEntity> Chunks) Write(string? value, int inRowSegments)
    {
        var row = new TableEntity("pk", "rk");
        var chunks = new List<TableEntity>();
        Payloads.Write(row, "V", value, inRowSegments, (c, i) => new TableEntity("pk", RowLayout.Chunk(c, i)), chunks);
        return (row, chunks);
    }

    private static string? Read(TableEntity row, List<TableEntity> chunks) =>
        Payloads.Read(row, "V", c => chunks.Where(e => e.RowKey.StartsWith("p-" + c, StringComparison.Ordinal)).OrderBy(e => e.RowKey, StringComparer.Ordinal).ToList());

    [Fact]
    public void Small_values_stay_inline()
    {
        var (row, chunks) = Write("{\"a\":1}", 4);
        Assert.Equal("{\"a\":1}", row.GetString("V"));
        Assert.Empty(chunks);
        Assert.Equal("{\"a\":1}", Read(row, chunks));
    }

    [Fact]
    public void Null_writes_nothing_and_reads_null()
    {
        var (row, chunks) = Write(null, 4);
        Assert.Empty(row);
        Assert.Null(Read(row, chunks));
    }

    [Fact]
    public void Medium_values_are_segmented_in_the_row()
    {
        var value = new string('a', 40_000);
        var (row, chunks) = Write(value, 4);
        Assert.Empty(chunks);
        Assert.Null(row.GetString("V"));
        Assert.All(row.Values.OfType<string>(), s => Assert.True(s.Length <= Payloads.SegmentChars));
        Assert.Equal(value, Read(row, chunks));
    }

    [Fact]
    public void Large_values_go_to_chunk_rows_within_entity_limits()
    {
        var value = string.Concat(Enumerable.Repeat("{\"text\":\"é名🎉\"},", 80_000));
        var (row, chunks) = Write(value, 4);
        Assert.NotEmpty(chunks);
        foreach (var chunk in chunks)
        {
            var utf16Bytes = chunk.Values.OfType<string>().Sum(s => s.Length * 2);
            Assert.True(utf16Bytes < 1_000_000, $"chunk of {utf16Bytes} bytes");
            Assert.All(chunk.Values.OfType<string>(), s => Assert.True(Encoding.UTF8.GetByteCount(s) <= 64 * 1024));
        }

        Assert.Equal(value, Read(row, chunks));
        Assert.Single(Payloads.References(row));
    }

    [Fact]
    public void Surrogate_pairs_are_never_split_across_segments()
    {
        // Put a surrogate pair exactly across the first segment boundary.
        var value = new string('a', Payloads.SegmentChars - 1) + "🎉" + new string('b', Payloads.SegmentChars);
        var (row, chunks) = Write(value, 4);
        foreach (var s in row.Values.OfType<string>())
        {
            Assert.False(char.IsHighSurrogate(s[^1]), "segment ends inside a surrogate pair");
        }

        Assert.Equal(value, Read(row, chunks));
    }

    [Fact]
    public void Missing_chunk_rows_are_reported_not_silently_truncated()
    {
        var (row, chunks) = Write(new string('z', 500_000), 2);
        chunks.RemoveAt(chunks.Count - 1);
        Assert.Throws<InvalidDataException>(() => Read(row, chunks));
    }

    [Fact]
    public void Framing_round_trips_any_text_including_nulls_and_separators()
    {
        var sb = new StringBuilder().Field("a;b").Field((string?)null).Field("").Field(-42L).Field("12;-;");
        var reader = new FrameReader(sb.ToString());
        Assert.Equal("a;b", reader.String());
        Assert.Null(reader.String());
        Assert.Equal("", reader.String());
        Assert.Equal(-42, reader.Int64());
        Assert.Equal("12;-;", reader.String());
        Assert.True(reader.End);
    }
}
