using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReviewWorkflow.Workflow.ForwardPlan;

namespace ReviewWorkflow.Web.Pages.ForwardPlan;

/// <summary>The public forward plan: every upcoming key decision with its regulation 9 notice, by decision date. No sign-in.</summary>
[AllowAnonymous]
public sealed class IndexModel(ForwardPlanService plan) : PageModel
{
    public ForwardPlanView Plan { get; private set; } = new(default, []);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Plan = await plan.GetAsync(cancellationToken).ConfigureAwait(false);
        return Page();
    }

    /// <summary>The notice's status in words, with the exception route when there is one.</summary>
    public static string StatusText(KeyDecisionNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return notice.Status switch
        {
            NoticeStatus.OnTime => $"Notice given {notice.ClearDaysNotice} clear days before the decision",
            NoticeStatus.GeneralException => "Less than 28 clear days' notice: general exception (regulation 10)",
            NoticeStatus.SpecialUrgency => "Less than 28 clear days' notice: special urgency (regulation 11)",
            _ => $"Less than 28 clear days' notice ({notice.ClearDaysNotice} clear days): the exception route is being arranged",
        };
    }
}
