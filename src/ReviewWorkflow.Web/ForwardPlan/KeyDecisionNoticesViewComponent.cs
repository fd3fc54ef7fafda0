using Microsoft.AspNetCore.Mvc;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.ForwardPlan;

namespace ReviewWorkflow.Web.ForwardPlan;

/// <summary>
/// Key decisions that did not get 28 clear days' notice, on the cycle page (one cycle) and the clerk's list (every
/// cycle): those still needing an exception route, with a link for clerks to record one, and those with one recorded.
/// Nothing when there are none.
/// </summary>
public sealed class KeyDecisionNoticesViewComponent(ForwardPlanService plan, ReviewCycleService cycles) : ViewComponent
{
    public sealed record Model(IReadOnlyList<KeyDecisionNotice> Notices, bool CanRecord, bool ShowMatter);

    public async Task<IViewComponentResult> InvokeAsync(CycleView? cycle = null)
    {
        var views = cycle is null ? await cycles.ListCyclesAsync(HttpContext.RequestAborted).ConfigureAwait(false) : [cycle];
        var notices = (await plan.NoticesForAsync(views, HttpContext.RequestAborted).ConfigureAwait(false))
            .Where(n => n.Status != NoticeStatus.OnTime).ToList();
        if (notices.Count == 0)
        {
            return Content("");
        }

        var canRecord = UserClaimsPrincipal.IsInRole(WebRoles.Clerk) || UserClaimsPrincipal.IsInRole(WebRoles.Admin);
        return View("~/Pages/ForwardPlan/_KeyDecisionNotices.cshtml", new Model(notices, canRecord, cycle is null));
    }
}
