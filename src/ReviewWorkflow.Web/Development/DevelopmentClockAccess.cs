using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ReviewWorkflow.Web.Security;

namespace ReviewWorkflow.Web.Development;

/// <summary>Who may see and move the development clock: a direct loopback request in Development, with the clock on.</summary>
public static class DevelopmentClockAccess
{
    public const string PagePath = "/dev/clock";

    /// <summary>The clock for this request, or null (then the page is 404 and the layout shows no link to it).</summary>
    public static IDevelopmentClock? For(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RequestServices.GetService<IDevelopmentClock>() is { Enabled: true } clock && LocalDevelopment.Allows(context)
            ? clock
            : null;
    }
}
