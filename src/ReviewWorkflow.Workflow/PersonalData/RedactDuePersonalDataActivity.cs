using Microsoft.DurableTask;

namespace ReviewWorkflow.Workflow.PersonalData;

/// <summary>Runs one <see cref="RetentionPass"/> (idempotent, so at-least-once delivery is harmless).</summary>
public sealed class RedactDuePersonalDataActivity(RetentionPass pass) : TaskActivity<int, RetentionPassResult>
{
    public override Task<RetentionPassResult> RunAsync(TaskActivityContext context, int input) => pass.RunAsync();
}
