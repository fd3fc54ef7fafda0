using Microsoft.AspNetCore.Mvc;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.PersonalData;

namespace ReviewWorkflow.Web.Pages.Cycles.PersonalData;

/// <summary>The cycle page's line about consultees' personal data: kept while the cycle runs, "will be removed on …"
/// once adopted or closed (the council's retention months later), "removed on …" once the retention process ran.</summary>
public sealed class RetentionNoticeViewComponent(RetentionSchedule schedule) : ViewComponent
{
    /// <param name="trail">The cycle's audit trail when the page has read it already (it is not read again).</param>
    public async Task<IViewComponentResult> InvokeAsync(string cycleId, IReadOnlyList<AuditEntry>? trail = null) =>
        View("~/Pages/Cycles/PersonalData/_RetentionNotice.cshtml", (await (trail is null
            ? schedule.StatusAsync(cycleId, HttpContext.RequestAborted)
            : schedule.StatusAsync(cycleId, trail, HttpContext.RequestAborted)).ConfigureAwait(false), schedule.Months));
}
