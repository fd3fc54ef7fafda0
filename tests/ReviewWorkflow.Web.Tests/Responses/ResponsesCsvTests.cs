using System.Net;
using System.Text;

namespace ReviewWorkflow.Web.Tests.Responses;

/// <summary><c>?format=csv</c>: UTF-8 with a BOM, one row per response and pledge, every filter applied, hostile text
/// kept whole but inert (formulas, CR/LF, right-to-left marks, 10,000 characters).</summary>
[Collection(ResponsesGroup.Name)]
public sealed class ResponsesCsvTests(ResponsesFixture fixture)
{
    private async Task<(byte[] Bytes, string Text, HttpResponseMessage Response)> GetAsync(string query)
    {
        using var lead = fixture.As(ResponsesFixture.Lead);
        var response = await lead.GetAsync($"/api/cycles/{fixture.CycleId}/responses?format=csv{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return (bytes, Encoding.UTF8.GetString(bytes.AsSpan(3)), response);
    }

    [Fact]
    public async Task It_is_utf8_with_a_bom_and_one_row_per_response_and_pledge()
    {
        var (bytes, text, response) = await GetAsync("&audience=partners");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.StartsWith("consultee_id,name,group,audience,submitted_at,late,pledge,pledge_text,view,comment,general_comments,themes\r\n", text, StringComparison.Ordinal);
        var partners = ResponsesFixture.SubmittedIndexes.Where(i => i % 4 == 3).ToList();
        var rows = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal(partners.Sum(i => ResponsesFixture.Answers2(i) ? 2 : 1), rows.Count);
        Assert.All(rows, r => Assert.Contains(",partners,", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hostile_text_is_kept_whole_and_inert()
    {
        var (_, text, _) = await GetAsync("&audience=young-people&q=HYPERLINK");

        var quotedComment = "\"'" + ResponsesFixture.HostileComment.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        Assert.Contains(quotedComment, text, StringComparison.Ordinal); // leading = neutralised, quotes doubled, CR/LF and RTL marks kept inside quotes
        Assert.Contains(",\"'@SUM(1,2) <script>alert(1)</script>\",", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",\"=HYPERLINK", text, StringComparison.Ordinal);
    }
}
