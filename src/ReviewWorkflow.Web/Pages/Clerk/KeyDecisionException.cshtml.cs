using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReviewWorkflow.Web.Authentication;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.ForwardPlan;
using ReviewWorkflow.Workflow.Validation;

namespace ReviewWorkflow.Web.Pages.Clerk;

/// <summary>
/// The clerk records the general-exception (reg 10) or special-urgency (reg 11) route for a key decision that did not
/// get 28 clear days' notice (<see cref="ForwardPlanService.RecordExceptionAsync"/>): the reason, and the overview and
/// scrutiny chair's agreement for special urgency. Refusals show in the GOV.UK error summary with what was typed kept;
/// success goes back to the cycle page. The form's idempotency key makes a double submit count once.
/// </summary>
[Authorize(Policy = WebRoles.Policies.Clerk)]
public sealed class KeyDecisionExceptionModel(ReviewCycleService cycles, ForwardPlanService plan) : PageModel
{
    public const string ChairAgreedOnField = "chairAgreedOn";

    private static readonly HashSet<string> Fields = new(StringComparer.Ordinal) { "route", "reason", "chairName", ChairAgreedOnField };

    [FromRoute]
    public string CycleId { get; set; } = "";

    [FromRoute]
    public int Index { get; set; }

    public CycleView? Cycle { get; private set; }

    public KeyDecisionNotice? Notice { get; private set; }

    [BindProperty]
    public string? Route { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? ChairName { get; set; }

    [BindProperty]
    public DateFields ChairAgreedOn { get; set; } = new();

    [BindProperty]
    public string? IdempotencyKey { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken).ConfigureAwait(false))
        {
            return NotFound();
        }

        IdempotencyKey = Guid.NewGuid().ToString("N");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken).ConfigureAwait(false))
        {
            return NotFound();
        }

        ModelState.Clear();
        ExceptionRoute? route = Route switch
        {
            "general-exception" => ExceptionRoute.GeneralException,
            "special-urgency" => ExceptionRoute.SpecialUrgency,
            _ => null,
        };
        var agreed = ChairAgreedOn.TryParse();
        if (!ChairAgreedOn.IsEmpty && agreed is null)
        {
            ModelState.AddModelError(ChairAgreedOnField, "The date the chair agreed must be a real date, for example 27 3 2027");
            return Page();
        }

        var request = new ExceptionRequest { RouteIndex = Index, Route = route, Reason = Reason, ChairName = ChairName, ChairAgreedOn = agreed };
        var result = await plan.RecordExceptionAsync(CycleId, request, User.ActorFor(WebRoles.Clerk)!, HttpContext.RequestId(), IdempotencyKey ?? "", cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return Redirect($"/cycles/{Uri.EscapeDataString(CycleId)}#key-decision-notices");
        }

        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(Fields.Contains(error.Field) ? error.Field : "route", error.Message);
        }

        IdempotencyKey = Guid.NewGuid().ToString("N");
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Cycle = await cycles.GetCycleAsync(CycleId, cancellationToken).ConfigureAwait(false);
        if (Cycle is null)
        {
            return false;
        }

        Notice = (await plan.NoticesForAsync([Cycle], cancellationToken).ConfigureAwait(false)).FirstOrDefault(n => n.RouteIndex == Index);
        return Notice is not null;
    }
}
