using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReviewWorkflow.Web.PersonalData;
using ReviewWorkflow.Workflow.PersonalData;

namespace ReviewWorkflow.Web.Pages.Admin.PersonalData;

/// <summary>Subject access for administrators: find everything held about an email address, grouped by cycle and
/// table, download it (JSON or CSV), and go on to erase it. A hostile search is refused with a message and looks up nothing.</summary>
[Authorize(Policy = WebRoles.Policies.Admin)]
public sealed class IndexModel(SubjectAccess access) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    /// <summary>After an erasure (Post/Redirect/Get): how many cycles it covered.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Erased { get; set; }

    public SubjectAccessReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Email is null)
        {
            return Page();
        }

        if (PersonalDataInput.EmailProblem(Email) is { } problem)
        {
            ModelState.AddModelError(nameof(Email), problem);
            return Page();
        }

        Email = Email.Trim();
        Report = await access.FindAsync(Email, cancellationToken).ConfigureAwait(false);
        return Page();
    }
}
