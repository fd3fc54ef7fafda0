using System.Security.Claims;
using ReviewWorkflow.Web.Authentication;
using ReviewWorkflow.Workflow.Cycles;

namespace ReviewWorkflow.Web.Cycles;

/// <summary>
/// Who may read a cycle's responses and tag them: the cycle's own lead (signed in with the lead role and the lead's email)
/// and administrators. Leads of other cycles and clerks may not: responses hold what children and partners wrote.
/// </summary>
public static class ResponsesAccess
{
    public static bool Allows(ClaimsPrincipal user, CycleView cycle)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(cycle);
        if (user.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        if (user.IsInRole(WebRoles.Admin))
        {
            return true;
        }

        return user.IsInRole(WebRoles.Lead) && user.Email() is { } email
            && string.Equals(email.Trim(), cycle.Lead.Email.Trim(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The actor a theme change is audited under: the lead, or an administrator acting as one.</summary>
    public static Actor? ActorFor(ClaimsPrincipal user) => user.ActorFor(WebRoles.Lead);
}
