using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReviewWorkflow.Web.Cycles;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Reporting;

namespace ReviewWorkflow.Web.Pages.Cycles;

/// <summary>
/// A cycle's files, for leads, clerks and administrators: <c>audit.csv</c> (the audit trail, formula-looking text made
/// inert by the export), <c>report</c> (the committee report as an accessible web page) and <c>report.docx</c> (the
/// same report in the council's Word template).
/// </summary>
[Authorize]
public sealed class DownloadsModel(ReviewCycleService cycles, AuditLog audit, CommitteeReportService reports) : PageModel
{
    private const string WordType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public async Task<IActionResult> OnGetAsync(string id, string file, CancellationToken cancellationToken)
    {
        if (!CycleAccess.CanView(User))
        {
            return Forbid();
        }

        if (file is not ("audit.csv" or "report" or "report.docx"))
        {
            return NotFound();
        }

        if (await cycles.GetCycleAsync(id, cancellationToken).ConfigureAwait(false) is null)
        {
            return NotFound();
        }

        var name = FileName(id);
        if (file == "audit.csv")
        {
            var csv = new MemoryStream();
            await audit.ExportCsvAsync(id, csv, cancellationToken).ConfigureAwait(false);
            csv.Position = 0;
            return File(csv, "text/csv; charset=utf-8", $"{name}-audit.csv");
        }

        if (await reports.BuildAsync(id, cancellationToken).ConfigureAwait(false) is not { } report)
        {
            return NotFound();
        }

        if (file == "report.docx")
        {
            var docx = new MemoryStream();
            CommitteeReportWord.Write(report, docx);
            docx.Position = 0;
            return File(docx, WordType, $"{name}-committee-report.docx");
        }

        HttpContext.Items[Security.SecurityHeadersMiddleware.StyleHashItem] = CommitteeReportHtml.StyleHashSource; // its one <style>, nothing else inline
        return Content(CommitteeReportHtml.Render(report), "text/html; charset=utf-8");
    }

    /// <summary>The cycle id kept to letters, digits, '-' and '_' (it is already; this keeps a header safe regardless).</summary>
    private static string FileName(string id) => new([.. id.Where(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_').Take(80)]);
}
