using ReviewWorkflow.Durable;

namespace BannedApiFixture;

public sealed class CleanOrchestrator : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        await context.CreateTimer(TimeSpan.FromDays(1), CancellationToken.None);
        return $"{input} at {context.CurrentUtcDateTime:O} ({context.NewGuid()})";
    }
}
