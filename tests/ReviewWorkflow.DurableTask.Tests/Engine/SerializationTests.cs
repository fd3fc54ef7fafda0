using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Time.Testing;
using ReviewWorkflow.DurableTask.Tests.Tasks;
using ReviewWorkflow.Testing.DurableTask;

namespace ReviewWorkflow.DurableTask.Tests.Engine;

public sealed class SerializationTests
{
    [Fact]
    public async Task Records_enums_and_dates_cross_client_orchestrator_and_activity_intact()
    {
        await using var host = await DurableTaskTestHost.StartAsync(TestTasks.Register, new FakeTimeProvider(), TestTasks.Services());
        var input = new Consultation(
            "Care Leavers Strategy", Stage.Drafting, new DateOnly(2027, 2, 28),
            new DateTimeOffset(2027, 3, 31, 17, 0, 0, TimeSpan.FromHours(1)), ["Alex Example", "Sam Sample"], 1250.50m);

        var result = await host.RunAsync(nameof(RoundTripOrchestrator), input);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        var expected = input with { Stage = Stage.Consultation, Opens = new DateOnly(2027, 3, 1) };
        var output = result.ReadOutputAs<Consultation>()!;
        Assert.Equal(expected with { Consultees = [] }, output with { Consultees = [] });
        Assert.Equal(expected.Consultees, output.Consultees);
        Assert.Equal(input.Title, result.ReadInputAs<Consultation>()!.Title);
        Assert.Equal(Stage.Consultation, result.ReadCustomStatusAs<Consultation>()!.Stage);
    }
}
