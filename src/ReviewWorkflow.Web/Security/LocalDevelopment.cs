using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ReviewWorkflow.Web.Security;

/// <summary>
/// The one gate for development-only features (the development sign-in, <c>X-Dev-User</c>, the local outbox pages):
/// the environment is Development AND the request arrived from a loopback address AND it did not come through a
/// proxy (no <c>X-Forwarded-For</c>/<c>Forwarded</c>), because in Azure the Functions host forwards from loopback.
/// </summary>
public static class LocalDevelopment
{
    public static bool Allows(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var environment = context.RequestServices.GetRequiredService<IHostEnvironment>();
        return environment.IsDevelopment() && IsDirectLoopback(context);
    }

    internal static bool IsDirectLoopback(HttpContext context)
    {
        var remote = context.Connection.RemoteIpAddress;
        return remote is not null
            && IPAddress.IsLoopback(remote)
            && !context.Request.Headers.ContainsKey("X-Forwarded-For")
            && !context.Request.Headers.ContainsKey("Forwarded");
    }
}
