using ReviewWorkflow.App.Configuration;
using ReviewWorkflow.App.Development;
using ReviewWorkflow.App.Health;
using ReviewWorkflow.App.Hosting;
using ReviewWorkflow.App.Telemetry;
using ReviewWorkflow.Web;

namespace ReviewWorkflow.App;

/// <summary>Builds the web application: locally one process with the embedded Durable Task worker; in Azure an App Service web app, client only.</summary>
public static class ReviewWorkflowApp
{
    /// <summary>Creates the app. <paramref name="configure"/> lets tests override configuration and services before
    /// services are built; <paramref name="map"/> lets them add endpoints after the app's own.</summary>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null, Action<WebApplication>? map = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddLocalSettings(builder.Environment.ContentRootPath);
        builder.Configuration.AddEnvironmentVariables();
        configure?.Invoke(builder);
        builder.AddDevelopmentClock(); // Development + Development:ControllableClock only: a file-backed clock and POST /dev/clock

        builder.Services.AddProblemDetails();
        // Storage, the workflow, email, directory and the Durable Task client — and the worker unless Durable:WorkerEnabled
        // is false (in Azure the Functions app runs the orchestrations; infra sets it false here).
        builder.Services.AddReviewCycle(builder.Configuration);
        builder.Services.AddReviewWorkflowWeb(builder.Configuration, builder.Environment); // pages, API, sign-in and roles
        builder.Services.AddReviewWorkflowTelemetry(builder.Configuration);
        builder.Services.AddStorageHealth();
        builder.Services.AddDemoData(builder.Configuration);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.MapReviewWorkflowWeb(); // security headers, status code pages, routing, authentication, authorization, pages, /api
        app.MapHealth();
        app.MapReviewCycleWebhooks();
        map?.Invoke(app);
        return app;
    }
}
