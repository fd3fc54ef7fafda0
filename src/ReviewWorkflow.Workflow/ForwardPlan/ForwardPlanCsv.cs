using System.Globalization;
using System.Text;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Deadlines;

namespace ReviewWorkflow.Workflow.ForwardPlan;

/// <summary>
/// The forward plan as CSV (RFC 4180, UTF-8): one row per key decision, the columns in <see cref="Columns"/> (the
/// same names as the JSON's fields; documented in the README). Every cell goes through <see cref="CsvCell"/>, so text
/// a lead typed (a title starting with <c>=</c>) cannot run as a spreadsheet formula.
/// </summary>
public static class ForwardPlanCsv
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "reference", "cycleId", "matter", "decisionMaker", "decisionDate", "firstPublished", "noticeDueBy", "clearDaysNotice",
        "noticeStatus", "exceptionReason", "chairName", "chairAgreedOn", "documents", "documentsPublishedBy",
        "documentsAvailableFrom", "private", "leadName", "leadEmail",
    ];

    public static string Write(ForwardPlanView plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var csv = new StringBuilder();
        csv.Append(string.Join(',', Columns)).Append("\r\n");
        foreach (var n in plan.Notices)
        {
            string?[] cells =
            [
                n.Reference, n.CycleId, n.Matter, n.DecisionMaker, DateText.Iso(n.DecisionDate), DateText.Iso(n.FirstPublished),
                DateText.Iso(n.NoticeDueBy), n.ClearDaysNotice.ToString(CultureInfo.InvariantCulture), StatusText(n.Status),
                n.Exception?.Reason, n.Exception?.ChairName, n.Exception?.ChairAgreedOn is { } agreed ? DateText.Iso(agreed) : null,
                string.Join("; ", n.Documents), DateText.Iso(n.DocumentsPublishedBy), n.DocumentsAvailableFrom,
                n.Private ? "true" : "false", n.Lead.Name, n.Lead.Email,
            ];
            csv.Append(string.Join(',', cells.Select(CsvCell.Escape))).Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>The kebab-case name the JSON uses too.</summary>
    public static string StatusText(NoticeStatus status) => status switch
    {
        NoticeStatus.OnTime => "on-time",
        NoticeStatus.Late => "late",
        NoticeStatus.GeneralException => "general-exception",
        _ => "special-urgency",
    };
}
