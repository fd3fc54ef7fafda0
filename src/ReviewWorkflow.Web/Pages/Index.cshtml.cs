using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Web.Pages;

/// <summary>
/// The start page for someone not signed in; for leads, clerks and administrators the dashboard: every cycle with
/// its stage, next deadline, what is overdue and the response rate.
/// </summary>
public sealed class IndexModel(ReviewCycleService cycles, ResponseStore responses, TimeProvider time) : PageModel
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
            var list = new List<CycleView>();
            foreach (var cycle in await cycles.ListCyclesAsync(cancellationToken).ConfigureAwait(false))
            {
                // The listing's counts are as of the orchestration's last step; submissions are read live, as on the cycle page.
                var submitted = (await responses.ListAsync(cycle.CycleId, cancellationToken).ConfigureAwait(false)).Count(r => r.Submitted);
                list.Add(cycle with { Counts = cycle.Counts with { ResponsesSubmitted = submitted } });
            }

            Cycles = list;
        }
    }
}
