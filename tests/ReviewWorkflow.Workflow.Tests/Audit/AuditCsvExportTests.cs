using System.Text;
using System.Text.Json.Nodes;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Tests.Fixtures;

namespace ReviewWorkflow.Workflow.Tests.Audit;

public class AuditCsvExportTests
{
    [Fact]
    public async Task ExportCsv_NeutralisesFormulas_AndQuotesCommasQuotesAndNewlines()
    {
        var log = new AuditLog(await TestTables.CreateAsync("audit"), new ManualTimeProvider(new DateTimeOffset(2027, 2, 12, 17, 30, 0, TimeSpan.Zero)));
        await log.AppendAsync("cycle-1", new AuditEvent
        {
            Actor = "@SUM(1+1)*cmd|' /C calc'!A0",
            Role = AuditRole.Consultee,
            Action = AuditActions.ResponseSubmitted,
            Subject = "=HYPERLINK(\"http://evil.example\",\"Click me\")",
            Details = new JsonObject { ["comment"] = "Line one\nline two, with \"quotes\"" },
        });
        await log.AppendAsync("cycle-1", new AuditEvent { Action = AuditActions.ConsultationClosed, Subject = "Closed, early\r\nby the lead", RequestId = "-1+2" });

        using var stream = new MemoryStream();
        await log.ExportCsvAsync("cycle-1", stream);
        var bytes = stream.ToArray();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);

        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click me\"\")\"", text, StringComparison.Ordinal);
        var rows = Csv.Parse(text);
        Assert.Equal(3, rows.Count);
        Assert.Equal(AuditLog.CsvColumns, rows[0]);
        Assert.All(rows, r => Assert.Equal(12, r.Count));

        var first = rows[1];
        Assert.Equal("1", first[0]);
        Assert.Equal("2027-02-12T17:30:00.000Z", first[1]);
        Assert.Equal("'@SUM(1+1)*cmd|' /C calc'!A0", first[2]);
        Assert.Equal("consultee", first[3]);
        Assert.Equal("'=HYPERLINK(\"http://evil.example\",\"Click me\")", first[5]);
        Assert.Equal("{\"comment\":\"Line one\\nline two, with \\u0022quotes\\u0022\"}", first[6]);

        var second = rows[2];
        Assert.Equal("Closed, early\r\nby the lead", second[5]);
        Assert.Equal("'-1+2", second[7]);
        Assert.Equal(first[11], second[10]);
        Assert.All(rows.Skip(1).SelectMany(r => r), cell => Assert.False(cell.Length > 0 && "=+-@\t\r".Contains(cell[0], StringComparison.Ordinal), cell));
    }
}
