using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using ReviewWorkflow.DurableTask.WakeUps;
using ReviewWorkflow.Functions.Activities;
using ReviewWorkflow.Functions.Tests.Fixtures;

namespace ReviewWorkflow.Functions.Tests.Wrappers;

/// <summary>Each activity wrapper runs the class the engine registers under the wrapper's function name, built from the invocation's services.</summary>
public sealed class ActivityWrapperTests
{
    private static IEnumerable<MethodInfo> Wrappers() => typeof(ActivityFunctions).GetMethods()
        .Where(m => m.GetParameters().Any(p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null));

    [Fact]
    public async Task Each_wrapper_runs_the_class_registered_under_its_function_name()
    {
        await using var services = await EngineRegistration.FunctionsServicesAsync();
        var registry = EngineRegistration.Registry(services);
        await using var scope = services.CreateAsyncScope();
        var functions = ActivatorUtilities.CreateInstance<ActivityFunctions>(scope.ServiceProvider);

        Assert.Equal(registry.Activities.Count, Wrappers().Count());
        foreach (var wrapper in Wrappers())
        {
            var name = wrapper.GetCustomAttribute<FunctionAttribute>()!.Name;
            var registered = registry.Activities[name];

            // No input: the activity class itself rejects it, so the exception shows which class the wrapper ran.
            var thrown = await Thrower.ThrownByAsync(functions, wrapper, null, "cycle-1");

            Assert.IsType<ArgumentNullException>(thrown);
            Assert.True(thrown.Ran(registered), $"{wrapper.Name} did not run {registered.Name}:\n{thrown}");
        }
    }

    [Fact]
    public async Task The_wake_up_wrapper_writes_the_instances_wake_up_row_through_the_activity()
    {
        await using var services = await EngineRegistration.FunctionsServicesAsync();
        await using var scope = services.CreateAsyncScope();
        var functions = ActivatorUtilities.CreateInstance<ActivityFunctions>(scope.ServiceProvider);
        var request = new WakeUpRequest("cycle-" + Guid.NewGuid().ToString("N"), new DateTimeOffset(2026, 3, 13, 17, 0, 0, TimeSpan.Zero));

        var returned = await functions.ScheduleWakeUp(request, request.InstanceId);

        Assert.Equal(request, returned);
        Assert.Equal(request, await services.GetRequiredService<WakeUpScheduler>().GetAsync(request.InstanceId, CancellationToken.None));
    }
}
