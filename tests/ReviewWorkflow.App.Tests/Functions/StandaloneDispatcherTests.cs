using ReviewWorkflow.App.Hosting;
using ReviewWorkflow.App.Tests.Infrastructure;
using ReviewWorkflow.Durable;

namespace ReviewWorkflow.App.Tests.Functions;

/// <summary>Without FUNCTIONS_CUSTOMHANDLER_PORT the embedded dispatcher polls the queues and runs the same orchestration.</summary>
public class StandaloneDispatcherTests
{
    [Fact]
    public async Task Standalone_app_runs_an_orchestration_through_its_embedded_dispatcher()
    {
        var (app, _) = await CustomHandlerApp.StartAsync(new Dictionary<string, string?> { [FunctionsHost.PortKey] = null });
        await using (app)
        {
            var client = app.Services.GetRequiredService<DurableTaskClient>();
            var id = await client.ScheduleNewOrchestrationInstanceAsync(CustomHandlerApp.Orchestration, "Foster Carers");

            using var wait = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var done = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, wait.Token);

            Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
            Assert.Equal("Hello, Foster Carers!", done.ReadOutputAs<string>());
        }
    }
}
