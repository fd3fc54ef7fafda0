namespace ReviewWorkflow.App.Functions;

/// <summary>
/// Trigger endpoints take invocations from the Functions host only. With <c>enableForwardingHttpRequest</c> the
/// catch-all HTTP function forwards public requests to the same port and path, so a public <c>POST /DurableWorkItems</c>
/// would reach this app too; such requests went through the App Service front end, which always adds these headers
/// (the host's own invocation requests never carry them). They get 404, as for any unknown path.
/// </summary>
internal sealed class HostOnlyFilter : IEndpointFilter
{
    internal static readonly string[] FrontEndHeaders =
    [
        "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Original-URL", "X-ARR-LOG-ID", "X-ARR-SSL",
        "X-Client-IP", "Client-IP", "Disguised-Host", "X-WAWS-Unencoded-URL", "X-Site-Deployment-Id",
        "X-MS-CLIENT-PRINCIPAL", "X-MS-CLIENT-PRINCIPAL-ID", "X-MS-CLIENT-PRINCIPAL-NAME",
    ];

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var headers = context.HttpContext.Request.Headers;
        if (FrontEndHeaders.Any(headers.ContainsKey))
        {
            return TypedResults.NotFound();
        }

        return await next(context).ConfigureAwait(false);
    }
}
