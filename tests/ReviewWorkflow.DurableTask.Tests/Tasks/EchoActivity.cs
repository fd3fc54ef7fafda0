using Microsoft.DurableTask;

namespace ReviewWorkflow.DurableTask.Tests.Tasks;

public sealed class EchoActivity(ExecutionLog log) : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string input)
    {
        log.Record(nameof(EchoActivity), context.InstanceId);
        return Task.FromResult($"echo:{input}");
    }
}
