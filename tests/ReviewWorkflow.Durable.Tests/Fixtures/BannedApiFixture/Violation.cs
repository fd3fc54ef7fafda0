using ReviewWorkflow.Durable;

namespace BannedApiFixture;

public sealed class ClockReadingOrchestrator : TaskOrchestrator<string, string>
{
    public override Task<string> RunAsync(TaskOrchestrationContext context, string input) =>
        Task.FromResult($"{input} at {DateTime.UtcNow:O}");
}
