using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using ReviewWorkflow.DurableTask.Registration;
using TaskFactory = ReviewWorkflow.DurableTask.Registration.TaskFactory;

namespace ReviewWorkflow.Functions.Orchestrators;

/// <summary>
/// Runs the orchestrator class the engine's registry holds for the context's name AND version — the lookup the local
/// DTFx worker makes — so a cycle started at version 1 keeps running version 1's class after version 2 is registered
/// beside it. Durable Functions dispatches by function name only, so one wrapper per name serves every version.
/// </summary>
public sealed class RegisteredOrchestrators
{
    private readonly IServiceProvider _services;
    private readonly WorkflowTaskRegistry _registry;

    public RegisteredOrchestrators(IServiceProvider services)
    {
        _services = services;
        _registry = services.GetRequiredService<TaskFactory>().Registry;
    }

    public async Task<TOutput> RunAsync<TInput, TOutput>(TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var key = new OrchestratorKey(context.Name.Name, context.Version ?? string.Empty);
        if (!_registry.Orchestrators.TryGetValue(key, out var type))
        {
            throw new InvalidOperationException(
                $"No orchestrator is registered as '{context.Name.Name}' version '{context.Version}' (instance {context.InstanceId}).");
        }

        var orchestrator = (ITaskOrchestrator)ActivatorUtilities.CreateInstance(_services, type);
        // ConfigureAwait(true): an orchestrator continues on the engine's own scheduler.
        return (TOutput)(await orchestrator.RunAsync(context, context.GetInput<TInput>()).ConfigureAwait(true))!;
    }
}
