using System.Globalization;
using Microsoft.DurableTask;

namespace ReviewWorkflow.Workflow.Cycles;

/// <summary>Reads the machine's clock in an orchestrator: DURABLE0001 must fail ReviewWorkflow.Workflow's build.</summary>
internal sealed class ClockReadingOrchestrator : TaskOrchestrator<string, string>
{
    public override Task<string> RunAsync(TaskOrchestrationContext context, string input) =>
        Task.FromResult(DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
}
