using System.Security.Claims;

namespace ReviewWorkflow.Web.Cycles;

/// <summary>Who may see a cycle's page, trail and report (leads, clerks, administrators) and who may act on it (leads and administrators).</summary>
public static class CycleAccess
{
    public static bool CanView(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(WebRoles.Lead) || user.IsInRole(WebRoles.Clerk) || user.IsInRole(WebRoles.Admin);
    }

    public static bool CanAct(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(WebRoles.Lead) || user.IsInRole(WebRoles.Admin);
    }

    /// <summary>The success banner after an action (Post/Redirect/Get: <c>?done=extended</c>); fixed texts, never user input.</summary>
    public static string? DoneMessage(string? done) => done switch
    {
        "started" => "The review has started. Consultation requests go out on the morning the consultation opens.",
        "reminded" => "Reminders are on their way to everyone who has not answered and whose email arrived.",
        "extended" => "The consultation has been extended. Consultees see the new closing date in their next reminder.",
        "closed" => "The consultation has been closed. Late responses follow the council's late-response rule.",
        "draft" => "Your draft has been submitted.",
        "signed-off" => "Your sign-off decision has been recorded.",
        _ => null,
    };
}
