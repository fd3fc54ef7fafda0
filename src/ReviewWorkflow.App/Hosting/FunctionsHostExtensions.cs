using ReviewWorkflow.App.Functions;
using ReviewWorkflow.Durable;

namespace ReviewWorkflow.App.Hosting;

/// <summary>
/// Runs the app as an Azure Functions custom handler when the host set <see cref="FunctionsHost.PortKey"/>:
/// listens on that port (loopback only: the host calls localhost), turns the embedded queue-polling loop off
/// (the host's queue and timer triggers deliver the work) and maps the trigger endpoints.
/// </summary>
public static class FunctionsHostExtensions
{
    public static WebApplicationBuilder AddFunctionsHost(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (FunctionsHost.CustomHandlerPort(builder.Configuration) is not { } port)
        {
            return builder;
        }

        // Overrides Urls/--urls: the host only ever talks to this port.
        builder.WebHost.UseUrls($"http://localhost:{port}");
        builder.Services.PostConfigure<DurableOptions>(o => o.EnableDispatcher = false);
        builder.Services.AddFunctionTriggers();
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
