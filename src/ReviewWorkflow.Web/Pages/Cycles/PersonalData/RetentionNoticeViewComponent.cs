using Microsoft.AspNetCore.Mvc;
using ReviewWorkflow.Workflow.PersonalData;

namespace ReviewWorkflow.Web.Pages.Cycles.PersonalData;

/// <summary>The cycle page's line about consultees' personal data: kept while the cycle runs, "will be removed on …"
/// once adopted or closed (the council's retention months later), "removed on …" once the retention process ran.</summary>
public sealed class RetentionNoticeViewComponent(RetentionSchedule schedule) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string cycleId) =>
        View("~/Pages/Cycles/PersonalData/_RetentionNotice.cshtml", (await schedule.StatusAsync(cycleId, HttpContext.RequestAborted).ConfigureAwait(false), schedule.Months));
}
