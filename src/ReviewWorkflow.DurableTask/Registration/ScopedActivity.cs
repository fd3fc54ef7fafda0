using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;
using CoreTaskActivity = DurableTask.Core.TaskActivity;

namespace ReviewWorkflow.DurableTask.Registration;

/// <summary>Runs one activity execution in its own DI scope, so activities may depend on scoped services.</summary>
internal sealed class ScopedActivity(IServiceProvider services, DurableTaskShimFactory shims, TaskName name, Type type) : CoreTaskActivity
{
    public override string Run(TaskContext context, string input) =>
        throw new NotSupportedException("Activities run asynchronously.");

    public override async Task<string> RunAsync(TaskContext context, string input)
    {
        var scope = services.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var activity = (ITaskActivity)ActivatorUtilities.CreateInstance(scope.ServiceProvider, type);
            return await shims.CreateActivity(name, activity).RunAsync(context, input).ConfigureAwait(false);
        }
    }
}
