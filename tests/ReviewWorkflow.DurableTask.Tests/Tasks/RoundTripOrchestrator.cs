using Microsoft.DurableTask;

namespace ReviewWorkflow.DurableTask.Tests.Tasks;

public sealed class RoundTripOrchestrator : TaskOrchestrator<Consultation, Consultation>
{
    public override async Task<Consultation> RunAsync(TaskOrchestrationContext context, Consultation input)
    {
        var moved = await context.CallActivityAsync<Consultation>(nameof(RoundTripActivity), input);
        context.SetCustomStatus(moved);
        return moved;
    }
}
