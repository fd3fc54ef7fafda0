using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ReviewWorkflow.Workflow.Telemetry;

namespace ReviewWorkflow.App.Telemetry;

/// <summary>
/// Traces and metrics: always recorded through System.Diagnostics (so tests and <c>dotnet-counters</c> see them);
/// exported over OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is configured (the exporter also reads the other
/// standard <c>OTEL_*</c> variables: protocol, headers, <c>OTEL_SERVICE_NAME</c>).
/// </summary>
public static class TelemetryExtensions
{
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public const string ServiceName = "reviewworkflow";

    /// <summary>The Durable Task Framework's trace source (orchestration and activity spans).</summary>
    public const string DurableTaskSource = "DurableTask.Core";

    /// <summary>The trace sources exported: the app's, the Durable Task Framework's and ASP.NET Core's.</summary>
    public static readonly IReadOnlyList<string> ExportedSources =
        [ReviewWorkflowMetrics.Name, DurableTaskSource, ReviewWorkflowMetrics.Name + ".*", "Microsoft.AspNetCore"];

    /// <summary>The meters exported: the review cycle's emails and responses (named, and any later <c>ReviewWorkflow.*</c>
    /// meter by wildcard), and ASP.NET Core's.</summary>
    public static readonly IReadOnlyList<string> ExportedMeters =
        [ReviewWorkflowMetrics.Name, WorkflowMetrics.Name, ReviewWorkflowMetrics.Name + ".*", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel"];

    public static IServiceCollection AddReviewWorkflowTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (!Uri.TryCreate(configuration[OtlpEndpointKey], UriKind.Absolute, out var endpoint))
        {
            return services;
        }

        var resource = ResourceBuilder.CreateDefault().AddService(configuration["OTEL_SERVICE_NAME"] ?? ServiceName);
        services.AddSingleton(_ => Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddReviewWorkflowSources()
            .AddOtlpExporter(o => o.Endpoint = endpoint)
            .Build());
        services.AddSingleton(_ => Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddReviewWorkflowMeters()
            .AddOtlpExporter(o => o.Endpoint = endpoint)
            .Build());
        services.AddHostedService<TelemetryProviders>();
        return services;
    }

    /// <summary>Subscribes a tracer provider to <see cref="ExportedSources"/>.</summary>
    public static TracerProviderBuilder AddReviewWorkflowSources(this TracerProviderBuilder builder) =>
        builder.AddSource([.. ExportedSources]);

    /// <summary>Subscribes a meter provider to <see cref="ExportedMeters"/>.</summary>
    public static MeterProviderBuilder AddReviewWorkflowMeters(this MeterProviderBuilder builder) =>
        builder.AddMeter([.. ExportedMeters]);

    /// <summary>Builds the providers at start-up (they start listening when built) and flushes them at shutdown.</summary>
    private sealed class TelemetryProviders(TracerProvider tracer, MeterProvider meter) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken)
        {
            tracer.ForceFlush(5000);
            meter.ForceFlush(5000);
            return Task.CompletedTask;
        }
    }
}
