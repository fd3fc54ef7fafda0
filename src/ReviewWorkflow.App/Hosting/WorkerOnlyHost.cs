using ReviewWorkflow.App.Configuration;
using ReviewWorkflow.App.Telemetry;
using ReviewWorkflow.Workflow.Hosting;

namespace ReviewWorkflow.App.Hosting;

/// <summary>
/// <c>ReviewWorkflow.App --worker-only</c>: no web server, only the Durable Task worker and wake-up sweep running the
/// review cycle's classes on the task hub — the role the Functions app plays in Azure, for a local or test split beside
/// a web app started with <c>Durable:WorkerEnabled=false</c>. Same configuration sources and the same registration
/// (<see cref="ReviewCycleRuntime.AddReviewCycleRuntime"/>) as the web app.
/// </summary>
public static class WorkerOnlyHost
{
    public const string Switch = "--worker-only";

    public static bool Requested(string[] args) => args.Contains(Switch, StringComparer.Ordinal);

    public static IHost Create(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args.Where(a => a != Switch).ToArray());
        builder.Configuration.AddLocalSettings(builder.Environment.ContentRootPath);
        builder.Configuration.AddEnvironmentVariables();
        builder.Services.AddReviewCycleRuntime(builder.Configuration);
        builder.Services.AddReviewWorkflowTelemetry(builder.Configuration);
        return builder.Build();
    }
}
