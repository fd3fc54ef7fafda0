using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ReviewWorkflow.Web.Development;

/// <summary>
/// 404 unless <see cref="DevelopmentClockAccess.For"/> allows the request. An authorization filter (order 0) so it runs
/// before the antiforgery check (order 1000): without the clock the page does not exist, even for a post.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class DevelopmentClockOnlyAttribute : Attribute, IAuthorizationFilter
{
    public void OnAuthorization(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (DevelopmentClockAccess.For(context.HttpContext) is null)
        {
            context.Result = new NotFoundResult();
        }
    }
}
