using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ReviewWorkflow.Notifications.Outbox;

namespace ReviewWorkflow.Web.Tests.Hostile;

/// <summary>
/// Script, HTML and formula text typed into every field comes out inert everywhere it is shown: escaped in pages and
/// HTML email, plain text in Word (never a field), and never a formula in the CSV export.
/// </summary>
public class HostileOutputTests(HostileCycle fixture) : IClassFixture<HostileCycle>
{
    private const string RawScript = "<script>alert(1)";
    private const string RawImage = "<img src=x";

    [Fact]
    public async Task Text_typed_with_script_stays_text_in_every_page()
    {
        await RileyAnswersWithScriptAsync();
        using var lead = fixture.Host.ClientAs(HostileCycle.Lead);
        using var clerk = fixture.Host.ClientAs(HostileCycle.Clerk);
        var pages = new (string What, HttpClient Client, string Path)[]
        {
            ("dashboard", lead, "/"),
            ("cycle page", lead, $"/cycles/{fixture.CycleId}"),
            ("cycle page for a clerk", clerk, $"/cycles/{fixture.CycleId}"),
            ("clerk page", clerk, "/clerk"),
            ("new cycle from it", lead, $"/cycles/new?from={fixture.CycleId}"),
            ("the response form", fixture.Host.Client, $"/respond/{fixture.Tokens["riley@young.example"]}"),
            ("committee report", lead, $"/cycles/{fixture.CycleId}/report"),
            ("local outbox", lead, "/outbox"),
        };

        foreach (var (what, client, path) in pages)
        {
            using var response = await client.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{what} ({path}): {response.StatusCode}");
            Assert.DoesNotContain(RawScript, html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(RawImage, html, StringComparison.OrdinalIgnoreCase);
        }

        using var cyclePage = await lead.GetAsync($"/cycles/{fixture.CycleId}");
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", await cyclePage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emails_escape_names_and_titles_and_keep_headers_on_one_line()
    {
        var messages = (await fixture.Host.Services.GetRequiredService<IOutbox>().ListAsync())
            .Where(m => m.CustomArgs.TryGetValue("cycleId", out var id) && id == fixture.CycleId).ToList();

        Assert.NotEmpty(messages);
        foreach (var message in messages)
        {
            Assert.DoesNotContain(RawScript, message.HtmlBody, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(RawImage, message.HtmlBody, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain('\r', message.Subject);
            Assert.DoesNotContain('\n', message.Subject);
            Assert.DoesNotContain('\n', message.ToName ?? "");
        }
    }

    [Fact]
    public async Task The_audit_export_never_starts_a_cell_with_a_formula_character()
    {
        // A cycle whose title (the audit rows' subject) is a formula.
        using var lead = fixture.Host.ClientAs(HostileCycle.Lead);
        using var started = await HostileCycle.SendAsync(lead, HttpMethod.Post, "/api/cycles", HostileCycle.StartBody(HostileCycle.Formula).ToJsonString(), key: "formula-title");
        Assert.True(started.IsSuccessStatusCode, $"{started.StatusCode}: {await started.Content.ReadAsStringAsync()}");
        var id = System.Text.Json.JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();

        var csv = await lead.GetStringAsync($"/api/cycles/{id}/audit?format=csv");

        Assert.Contains("HYPERLINK", csv, StringComparison.Ordinal);
        foreach (var cell in Cells(csv))
        {
            Assert.False(cell.Length > 0 && "=+-@\t\r".Contains(cell[0], StringComparison.Ordinal), $"A cell starts with a formula character: {cell}");
        }
    }

    [Fact]
    public async Task The_Word_report_holds_the_text_as_text_never_as_a_field_and_its_file_name_is_safe()
    {
        await RileyAnswersWithScriptAsync();
        using var lead = fixture.Host.ClientAs(HostileCycle.Lead);

        using var response = await lead.GetAsync($"/cycles/{fixture.CycleId}/report.docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fileName = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName ?? "";
        Assert.EndsWith(".docx", fileName.Trim('"'), StringComparison.Ordinal);
        Assert.DoesNotContain("/", fileName, StringComparison.Ordinal);
        Assert.DoesNotContain("\\", fileName, StringComparison.Ordinal);
        Assert.DoesNotContain("..", fileName.Trim('"')[..^5], StringComparison.Ordinal);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = WordprocessingDocument.Open(stream, false);
        var body = document.MainDocumentPart!.Document!.Body!;
        Assert.Empty(body.Descendants<FieldCode>());
        Assert.Empty(body.Descendants<SimpleField>());
        Assert.Contains("<script>alert(1)</script>", body.InnerText, StringComparison.Ordinal);
        Assert.Contains("HYPERLINK", body.InnerText, StringComparison.Ordinal);
    }

    private async Task RileyAnswersWithScriptAsync()
    {
        var token = fixture.Tokens["riley@young.example"];
        var body = System.Text.Json.JsonSerializer.Serialize(new
        {
            answers = new[] { new { pledge = 1, view = "partly", comment = HostileCycle.Script + " " + HostileCycle.Formula } },
            comments = "@SUM(1,2) <img src=x onerror=alert(1)>",
        });
        using var saved = await HostileCycle.SendAsync(fixture.Host.Client, HttpMethod.Put, $"/api/responses/{token}", body, key: "riley-script-save");
        Assert.True(saved.IsSuccessStatusCode || saved.StatusCode == HttpStatusCode.Conflict, $"save: {saved.StatusCode} {await saved.Content.ReadAsStringAsync()}");
    }

    /// <summary>The cells of a CSV text (RFC 4180 quoting).</summary>
    private static IEnumerable<string> Cells(string csv)
    {
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c is ',' or '\n')
            {
                yield return cell.ToString();
                cell.Clear();
            }
            else if (c != '\r')
            {
                cell.Append(c);
            }
        }

        yield return cell.ToString();
    }
}
