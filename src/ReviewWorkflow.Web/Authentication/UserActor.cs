using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Cycles;

namespace ReviewWorkflow.Web.Authentication;

/// <summary>Who the signed-in staff member is to the workflow (its audit rows), and the request id they act under.</summary>
public static class UserActor
{
    /// <summary>Claim types that carry the user's email address: the development sign-in's, then Entra's.</summary>
    private static readonly string[] EmailClaimTypes = [ClaimTypes.Email, "email", "preferred_username", ClaimTypes.Upn, "upn"];

    /// <summary>The user's email address, or null when the sign-in carries none.</summary>
    public static string? Email(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return EmailClaimTypes.Select(user.FindFirstValue).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v) && v.Contains('@', StringComparison.Ordinal));
    }

    /// <summary>
    /// The actor for an action that needs <paramref name="role"/> (<see cref="WebRoles.Lead"/> or <see cref="WebRoles.Clerk"/>):
    /// acting in that role when the user has it, else as an administrator. Null when the user has neither or no email
    /// (the role policies refuse such users before this is reached).
    /// </summary>
    public static Actor? ActorFor(this ClaimsPrincipal user, string role)
    {
        if (user?.Identity?.IsAuthenticated != true || user.Email() is not { } email)
        {
            return null;
        }

        if (user.IsInRole(role))
        {
            return role switch
            {
                WebRoles.Lead => new Actor(email, AuditRole.Lead),
                WebRoles.Clerk => new Actor(email, AuditRole.Clerk),
                WebRoles.Admin => new Actor(email, AuditRole.Admin),
                _ => null,
            };
        }

        return user.IsInRole(WebRoles.Admin) ? new Actor(email, AuditRole.Admin) : null;
    }

    /// <summary>The request id written to audit rows: the W3C trace id when tracing, else ASP.NET Core's request id.</summary>
    public static string RequestId(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Activity.Current is { } activity && activity.TraceId != default ? activity.TraceId.ToString() : context.TraceIdentifier;
    }
}
