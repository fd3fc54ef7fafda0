using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using ReviewWorkflow.DurableTask;
using ReviewWorkflow.Functions.Orchestrators;
using ReviewWorkflow.Functions.Tests.Fixtures;
using ReviewWorkflow.Workflow.Cycles;

namespace ReviewWorkflow.Functions.Tests.Wrappers;

/// <summary>
/// Each orchestrator wrapper, given the context the Durable extension would pass, runs the class the engine registered
/// for that name and version — and a second version registered beside it is reached by the same function name.
/// </summary>
public sealed class OrchestratorWrapperTests
{
    private static IEnumerable<MethodInfo> Wrappers() => typeof(OrchestratorFunctions).GetMethods()
        .Where(m => m.GetParameters().Any(p => p.GetCustomAttribute<OrchestrationTriggerAttribute>() is not null));

    [Fact]
    public async Task Each_wrapper_runs_the_class_registered_for_its_function_name_and_the_current_version()
    {
        await using var services = await EngineRegistration.FunctionsServicesAsync();
        var registry = EngineRegistration.Registry(services);
        var functions = ActivatorUtilities.CreateInstance<OrchestratorFunctions>(services);

        // One function per orchestrator name, whatever the number of versions registered under it.
        Assert.Equal(registry.Orchestrators.Keys.Select(k => k.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count(), Wrappers().Count());
        foreach (var wrapper in Wrappers())
        {
            var name = wrapper.GetCustomAttribute<FunctionAttribute>()!.Name;
            var registered = Assert.Single(registry.Orchestrators, o => string.Equals(o.Key.Name, name, StringComparison.OrdinalIgnoreCase) && o.Key.Version == OrchestrationNames.CurrentVersion).Value;

            // No input: the orchestrator class itself rejects it, so the exception shows which class the wrapper ran.
            var thrown = await Thrower.ThrownByAsync(functions, wrapper, new StubOrchestrationContext(name, OrchestrationNames.CurrentVersion));

            var missing = Assert.IsType<ArgumentNullException>(thrown);
            Assert.Equal("input", missing.ParamName);
            Assert.True(thrown.Ran(registered), $"{wrapper.Name} did not run {registered.Name}:\n{thrown}");
        }
    }

    [Fact]
    public async Task An_instance_started_at_another_version_runs_that_versions_class_under_the_same_function_name()
    {
        await using var services = await EngineRegistration.FunctionsServicesAsync(s =>
            s.AddWorkflowTasks(r => r.AddOrchestrator<EarlierReviewCycle>(OrchestrationNames.ReviewCycle, "0")));
        var functions = ActivatorUtilities.CreateInstance<OrchestratorFunctions>(services);

        var result = await functions.ReviewCycle(new StubOrchestrationContext(OrchestrationNames.ReviewCycle, "0", EarlierReviewCycle.Marker));

        Assert.Same(EarlierReviewCycle.Result, result);
    }

    [Fact]
    public async Task A_version_nobody_registered_fails_the_orchestration_naming_it()
    {
        await using var services = await EngineRegistration.FunctionsServicesAsync();
        var functions = ActivatorUtilities.CreateInstance<OrchestratorFunctions>(services);

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            functions.Drafting(new StubOrchestrationContext(OrchestrationNames.Drafting, "99")));

        Assert.Contains("'Drafting' version '99'", thrown.Message, StringComparison.Ordinal);
    }

    /// <summary>Stands in for an older ReviewCycle version still registered for the cycles started on it.</summary>
    private sealed class EarlierReviewCycle : TaskOrchestrator<ReviewCycleInput, ReviewCycleResult>
    {
        public static readonly ReviewCycleInput Marker = new() { StartedBy = "lead@council.example" };

        public static readonly ReviewCycleResult Result = new(CycleStage.Closed, null, "closed by version 0", null);

        public override Task<ReviewCycleResult> RunAsync(TaskOrchestrationContext context, ReviewCycleInput input) =>
            Task.FromResult(ReferenceEquals(input, Marker) ? Result : throw new InvalidOperationException("not the input the context carried"));
    }
}
