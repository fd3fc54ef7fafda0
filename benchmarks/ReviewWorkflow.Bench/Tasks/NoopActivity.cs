using Microsoft.DurableTask;

namespace ReviewWorkflow.Bench.Tasks;

/// <summary>A trivial activity: the benchmark measures the engine, not the work.</summary>
internal sealed class NoopActivity : TaskActivity<int, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input);
}
