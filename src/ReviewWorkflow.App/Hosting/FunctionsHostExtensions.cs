using ReviewWorkflow.App.Functions;

namespace ReviewWorkflow.App.Hosting;

/// <summary>
/// Runs the app as an Azure Functions custom handler when the host set <see cref="FunctionsHost.PortKey"/>: listens on
/// that port (loopback only: the host calls localhost) and answers the host's ping.
/// </summary>
public static class FunctionsHostExtensions
{
    public static WebApplicationBuilder AddFunctionsHost(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (FunctionsHost.CustomHandlerPort(builder.Configuration) is { } port)
        {
            // Overrides Urls/--urls: the host only ever talks to this port.
            builder.WebHost.UseUrls($"http://localhost:{port}");
        }

        return builder;
    }

    public static WebApplication MapFunctionsHost(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (FunctionsHost.IsCustomHandler(app.Configuration))
        {
            app.MapFunctionTriggers();
        }

        return app;
    }
}
