using Microsoft.Extensions.DependencyInjection;
using ReviewWorkflow.DurableTask.Registration;

namespace ReviewWorkflow.DurableTask.Tests.Tasks;

/// <summary>The registrations the tests share.</summary>
public static class TestTasks
{
    public static void Register(WorkflowTaskRegistry registry) => registry
        .AddOrchestrator<SequenceOrchestrator>(nameof(SequenceOrchestrator))
        .AddOrchestrator<WaitForEventOrchestrator>(nameof(WaitForEventOrchestrator))
        .AddOrchestrator<RoundTripOrchestrator>(nameof(RoundTripOrchestrator))
        .AddOrchestrator<ParentOrchestrator>(nameof(ParentOrchestrator))
        .AddOrchestrator<ChildOrchestrator>("Child", "2")
        .AddOrchestrator<DeadlineOrchestrator>(nameof(DeadlineOrchestrator))
        .AddOrchestrator<SlowOrchestrator>(nameof(SlowOrchestrator))
        .AddOrchestrator<EarlyEventOrchestrator>(nameof(EarlyEventOrchestrator))
        .AddActivity<EchoActivity>()
        .AddActivity<RoundTripActivity>()
        .AddActivity<SlowActivity>();

    /// <summary>A fresh log and gate per host unless the test passes shared ones.</summary>
    public static Action<IServiceCollection> Services(ExecutionLog? log = null, ActivityGate? gate = null) => services =>
    {
        services.AddSingleton(log ?? new ExecutionLog());
        services.AddSingleton(gate ?? new ActivityGate());
    };
}
