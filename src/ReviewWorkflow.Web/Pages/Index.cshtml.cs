using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles;

namespace ReviewWorkflow.Web.Pages;

/// <summary>
/// The start page for someone not signed in; for leads, clerks and administrators the dashboard: every cycle with
/// its stage, next deadline, what is overdue and the response rate.
/// </summary>
public sealed class IndexModel(ReviewCycleService cycles, TimeProvider time) : PageModel
{
    public bool IsStaff { get; private set; }

    public bool CanStart { get; private set; }

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public IReadOnlyList<CycleView> Cycles { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Roles = [.. User.FindAll(ClaimTypes.Role).Select(c => c.Value)];
        IsStaff = User.IsInRole(WebRoles.Lead) || User.IsInRole(WebRoles.Clerk) || User.IsInRole(WebRoles.Admin);
        CanStart = User.IsInRole(WebRoles.Lead) || User.IsInRole(WebRoles.Admin);
        if (IsStaff)
        {
            Today = CouncilClock.Today(time, cycles.Settings);
            Cycles = await cycles.ListCyclesAsync(cancellationToken).ConfigureAwait(false); // submissions counted live by the listing
        }
    }
}
