using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReviewWorkflow.Web.Authentication;
using ReviewWorkflow.Web.PersonalData;
using ReviewWorkflow.Workflow.PersonalData;
using ReviewWorkflow.Workflow.Validation;

namespace ReviewWorkflow.Web.Pages.Admin.PersonalData;

/// <summary>The confirmation step of an erasure: what will be erased, a reason (recorded in the audit trail) and a
/// tick to confirm. The form carries a key made when it was shown, so a double submission erases once.</summary>
[Authorize(Policy = WebRoles.Policies.Admin)]
public sealed class EraseModel(SubjectAccess access, ErasureRequests erasures) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public bool Confirm { get; set; }

    [BindProperty]
    public string? Key { get; set; }

    public SubjectAccessReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (PersonalDataInput.EmailProblem(Email) is not null)
        {
            return RedirectToPage("Index", new { Email });
        }

        Key = Guid.NewGuid().ToString("N");
        Report = await access.FindAsync(Email!.Trim(), cancellationToken).ConfigureAwait(false);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (PersonalDataInput.EmailProblem(Email) is not null || Key is null || !IdempotencyKeys.IsValid(Key))
        {
            return RedirectToPage("Index", new { Email });
        }

        if (PersonalDataInput.ReasonProblem(Reason) is { } problem)
        {
            ModelState.AddModelError(nameof(Reason), problem);
        }

        if (!Confirm)
        {
            ModelState.AddModelError(nameof(Confirm), "Tick the box to confirm that this person's personal data should be erased.");
        }

        if (!ModelState.IsValid)
        {
            Report = await access.FindAsync(Email!.Trim(), cancellationToken).ConfigureAwait(false);
            return Page();
        }

        var (outcome, answer) = await erasures.EraseAsync(Email!.Trim(), Reason!.Trim(), User.ActorFor(WebRoles.Admin)!, Key, cancellationToken).ConfigureAwait(false);
        return RedirectToPage("Index", new { Email = Email!.Trim(), Erased = outcome == ErasureOutcome.NotFound ? 0 : answer?.Cycles.Count ?? 0 });
    }
}
