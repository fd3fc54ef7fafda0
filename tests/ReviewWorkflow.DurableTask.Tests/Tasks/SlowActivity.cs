using Microsoft.DurableTask;

namespace ReviewWorkflow.DurableTask.Tests.Tasks;

/// <summary>Records that it started, then waits for the test to open the gate (or for the gate's timeout).</summary>
public sealed class SlowActivity(ExecutionLog log, ActivityGate gate) : TaskActivity<string, string>
{
    public override async Task<string> RunAsync(TaskActivityContext context, string input)
    {
        log.Record(nameof(SlowActivity), context.InstanceId);
        gate.Entered();
        await gate.WaitAsync();
        return $"slow:{input}";
    }
}
