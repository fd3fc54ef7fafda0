using ReviewWorkflow.App.Functions;
using ReviewWorkflow.App.Telemetry;
using ReviewWorkflow.App.Tests.Infrastructure;
using ReviewWorkflow.Durable.Engine;
using ReviewWorkflow.Durable.Store;

namespace ReviewWorkflow.App.Tests.Telemetry;

/// <summary>The durable work-item metrics through the Functions trigger path, and the queue gauges.</summary>
public sealed class MetricsTests : IDisposable
{
    private readonly RecordedMeasurements _recorded = new();

    public void Dispose() => _recorded.Dispose();

    [Fact]
    public async Task Processing_a_work_item_records_its_count_and_duration()
    {
        var (app, hub) = await CustomHandlerApp.StartAsync();
        await using (app)
        {
            await app.Services.GetRequiredService<IDurableStore>().InitializeAsync();
            var workItems = await CustomHandlerApp.QueueAsync(hub + "-workitems");
            await workItems.SendMessageAsync("{ not json");
            var message = Assert.Single(await workItems.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(1)));

            using var response = await HostProtocol.InvokeAsync(app.Client, FunctionNames.DurableWorkItems, HostProtocol.QueueInvocation(message, FunctionNames.DurableWorkItems));

            response.EnsureSuccessStatusCode();
            Assert.Contains(_recorded.Of("reviewworkflow.durable.work_items", ("kind", "activity"), ("outcome", "Poison")), m => m.Meter == DurableTelemetry.Name);
            Assert.Contains(_recorded.Of("reviewworkflow.durable.work_item.duration", ("kind", "activity"), ("outcome", "Poison")), m => m.Value >= 0);
        }
    }

    [Fact]
    public async Task Queue_backlog_is_observed_after_a_sample()
    {
        var (app, hub) = await CustomHandlerApp.StartAsync();
        await using (app)
        {
            await app.Services.GetRequiredService<IDurableStore>().InitializeAsync();
            await (await CustomHandlerApp.QueueAsync(hub + "-control")).SendMessageAsync("some-instance");
            await app.Services.GetRequiredService<WorkQueueMonitor>().SampleAsync(CancellationToken.None);

            _recorded.RecordObservableInstruments();

            Assert.Contains(_recorded.Of("reviewworkflow.durable.queue.backlog", ("queue", hub + "-control")), m => m.Value == 1);
        }
    }
}
