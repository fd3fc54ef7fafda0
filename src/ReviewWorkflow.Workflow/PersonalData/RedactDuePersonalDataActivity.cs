using Microsoft.DurableTask;

namespace ReviewWorkflow.Workflow.PersonalData;

/// <summary>Runs one <see cref="RetentionPass"/> (idempotent, so at-least-once delivery is harmless).</summary>
public sealed class RedactDuePersonalDataActivity(RetentionPass pass) : TaskActivity<RetentionInput, RetentionPassResult>
{
    public override Task<RetentionPassResult> RunAsync(TaskActivityContext context, RetentionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return pass.RunAsync();
    }
}
