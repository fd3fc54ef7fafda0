using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ReviewWorkflow.Notifications.Email;

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

    public static IServiceCollection AddReviewWorkflowTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<WorkQueueMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<WorkQueueMonitor>());
        DecorateEmailSender(services);

        if (!Uri.TryCreate(configuration[OtlpEndpointKey], UriKind.Absolute, out var endpoint))
        {
            return services;
        }

        var resource = ResourceBuilder.CreateDefault().AddService(configuration["OTEL_SERVICE_NAME"] ?? ServiceName);
        services.AddSingleton(_ => Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(ReviewWorkflowMetrics.Name, ReviewWorkflowMetrics.Name + ".*", "Microsoft.AspNetCore")
            .AddOtlpExporter(o => o.Endpoint = endpoint)
            .Build());
        services.AddSingleton(_ => Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(ReviewWorkflowMetrics.Name, ReviewWorkflowMetrics.Name + ".*", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddOtlpExporter(o => o.Endpoint = endpoint)
            .Build());
        services.AddHostedService<TelemetryProviders>();
        return services;
    }

    /// <summary>Wraps the registered <see cref="IEmailSender"/> (if any) so sent emails are counted.</summary>
    private static void DecorateEmailSender(IServiceCollection services)
    {
        var descriptor = services.LastOrDefault(d => d.ServiceType == typeof(IEmailSender));
        if (descriptor is null)
        {
            return;
        }

        services.Remove(descriptor);
        services.Add(new ServiceDescriptor(typeof(IEmailSender), sp => new CountingEmailSender(Create(sp, descriptor)), descriptor.Lifetime));
    }

    private static IEmailSender Create(IServiceProvider sp, ServiceDescriptor descriptor) =>
        (IEmailSender)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(sp)
            ?? ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!));

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
