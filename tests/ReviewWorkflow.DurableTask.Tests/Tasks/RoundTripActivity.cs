using Microsoft.DurableTask;

namespace ReviewWorkflow.DurableTask.Tests.Tasks;

/// <summary>Moves a consultation one stage on and a day later, to prove the payload crossed the activity boundary intact.</summary>
public sealed class RoundTripActivity : TaskActivity<Consultation, Consultation>
{
    public override Task<Consultation> RunAsync(TaskActivityContext context, Consultation input) =>
        Task.FromResult(input with { Stage = input.Stage + 1, Opens = input.Opens.AddDays(1) });
}
