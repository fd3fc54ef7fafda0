using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace ReviewWorkflow.Functions.Activities;

/// <summary>
/// Runs an activity class the way the local worker does: a fresh instance built from the invocation's DI scope
/// (<see cref="ActivatorUtilities"/>, as the engine's ScopedActivity), given its registered name and the calling instance.
/// </summary>
public sealed class RegisteredActivities(IServiceProvider services)
{
    public async Task<TOutput> RunAsync<TActivity, TInput, TOutput>(string name, TInput input, string instanceId)
        where TActivity : class, ITaskActivity
    {
        ITaskActivity activity = ActivatorUtilities.CreateInstance<TActivity>(services);
        return (TOutput)(await activity.RunAsync(new FunctionActivityContext(name, instanceId), input).ConfigureAwait(false))!;
    }
}
