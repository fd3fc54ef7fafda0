using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReviewWorkflow.DurableTask.Configuration;
using ReviewWorkflow.Functions.Activities;
using ReviewWorkflow.Functions.Orchestrators;
using ReviewWorkflow.Workflow.Hosting;
using ReviewWorkflow.Workflow.Json;

namespace ReviewWorkflow.Functions.Hosting;

public static class FunctionsServiceCollectionExtensions
{
    /// <summary>
    /// The Functions app's services: <see cref="ReviewCycleRuntime.AddReviewCycleRuntime"/> — the registration the local app
    /// uses (storage, workflow services, email, directory, options, the task registry, wake-ups) — with the DTFx worker
    /// off, because here the Functions host's Durable extension is the worker, and the worker's serializer set to the
    /// workflow's JSON shape, because the web app's client writes inputs and events in that shape.
    /// </summary>
    public static IServiceCollection AddReviewWorkflowFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddReviewCycleRuntime(configuration);

        // The host dispatches orchestrations and activities to the wrappers; a second (DTFx) worker in this process would
        // compete with it for the same queues. The in-process sweep is off too: the WakeUpSweep timer function runs it.
        services.PostConfigure<DurableTaskOptions>(o => o.WorkerEnabled = false);

        // The Durable extension serializes orchestration inputs, outputs, events and activity bindings with the worker's
        // ObjectSerializer only (it ignores a DataConverter in DI), so that serializer must be the workflow's.
        services.Configure<WorkerOptions>(o => o.Serializer = new JsonObjectSerializer(WorkflowJson.Options));

        services.AddSingleton<RegisteredOrchestrators>();
        services.AddScoped<RegisteredActivities>();
        return services;
    }
}
