using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReviewWorkflow.DurableTask.Configuration;
using ReviewWorkflow.DurableTask.WakeUps;
using ReviewWorkflow.Functions.Tests.Fixtures;

namespace ReviewWorkflow.Functions.Tests.Hosting;

/// <summary>
/// The Functions worker reads what the web app's client writes: the Durable extension serializes with the worker's
/// ObjectSerializer only, so that must produce the same JSON as the DataConverter the web app's client and the local
/// worker use. And the Functions process runs no DTFx worker of its own: the host is the worker.
/// </summary>
public sealed class WorkerSerializerTests
{
    [Fact]
    public async Task The_worker_serializer_writes_the_same_json_as_the_clients_data_converter()
    {
        await using var services = await EngineRegistration.FunctionsServicesAsync();
        var serializer = Assert.IsType<JsonObjectSerializer>(services.GetRequiredService<IOptions<WorkerOptions>>().Value.Serializer);
        var converter = services.GetRequiredService<DataConverter>();
        var signal = new WakeUpSignal(new DateTimeOffset(2026, 3, 13, 17, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 13, 17, 0, 30, TimeSpan.Zero));

        var fromWorker = serializer.Serialize(signal).ToString();

        Assert.Equal(converter.Serialize(signal), fromWorker);
        Assert.Contains("\"dueAt\"", fromWorker, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_functions_process_runs_no_durable_task_worker_of_its_own()
    {
        await using var services = await EngineRegistration.FunctionsServicesAsync();

        Assert.False(services.GetRequiredService<IOptions<DurableTaskOptions>>().Value.WorkerEnabled);
    }
}
