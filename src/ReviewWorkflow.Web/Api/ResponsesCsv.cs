using System.Globalization;
using System.Text;
using ReviewWorkflow.Workflow.Analysis;
using ReviewWorkflow.Workflow.Audit;

namespace ReviewWorkflow.Web.Api;

/// <summary>
/// The matched responses as CSV, one row per response and pledge answered (a response without answers has one row):
/// UTF-8 with a byte order mark so Excel reads accents and right-to-left text, CRLF rows, every field through
/// <see cref="CsvCell"/> (quoted when needed; a leading = + - @ made inert).
/// </summary>
public static class ResponsesCsv
{
    private static readonly string[] Columns =
        ["consultee_id", "name", "group", "audience", "submitted_at", "late", "pledge", "pledge_text", "view", "comment", "general_comments", "themes"];

    public static byte[] Write(CycleResponses cycle, IEnumerable<SubmittedResponse> responses)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(responses);
        var csv = new StringBuilder();
        Row(csv, Columns);
        foreach (var r in responses)
        {
            var themes = string.Join("; ", cycle.Themes.TagsOn(r.ConsulteeId).Select(t => cycle.Themes.Find(t.ThemeId)?.Name).OfType<string>().Distinct(StringComparer.Ordinal));
            var submitted = r.SubmittedAt?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? "";
            string[] who = [r.ConsulteeId, r.Name, r.Group, WireNames.Of(r.Audience), submitted, r.Late ? "yes" : "no"];
            if (r.Answers.Count == 0)
            {
                Row(csv, [.. who, "", "", "", "", r.Comments ?? "", themes]);
            }

            foreach (var a in r.Answers)
            {
                var text = a.Pledge >= 1 && a.Pledge <= cycle.Pledges.Count ? cycle.Pledges[a.Pledge - 1] : "";
                Row(csv, [.. who, a.Pledge.ToString(CultureInfo.InvariantCulture), text, WireNames.Of(a.View), a.Comment ?? "", r.Comments ?? "", themes]);
            }
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static void Row(StringBuilder csv, IEnumerable<string> fields) =>
        csv.AppendJoin(',', fields.Select(CsvCell.Escape)).Append("\r\n");
}
