using Microsoft.DurableTask;

namespace ReviewWorkflow.Functions.Activities;

/// <summary>The <see cref="TaskActivityContext"/> an activity class sees when a Functions wrapper runs it: its registered name and the calling instance.</summary>
internal sealed class FunctionActivityContext(TaskName name, string instanceId) : TaskActivityContext
{
    public override TaskName Name => name;

    public override string InstanceId => instanceId;
}
