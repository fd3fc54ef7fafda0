using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ReviewWorkflow.App.Functions;
using ReviewWorkflow.App.Telemetry;
using ReviewWorkflow.App.Tests.Infrastructure;
using ReviewWorkflow.Durable.Store;

namespace ReviewWorkflow.App.Tests.Telemetry;

public sealed class MetricsTests : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentBag<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = [];

    public MetricsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ReviewWorkflowMetrics.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    public void Dispose() => _listener.Dispose();

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
            Assert.Contains(_measurements, m => m.Instrument == "reviewworkflow.durable.work_items"
                && Equals(m.Tags["kind"], "activity") && Equals(m.Tags["outcome"], "Poison"));
            Assert.Contains(_measurements, m => m.Instrument == "reviewworkflow.durable.work_item.duration" && m.Value >= 0);
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

            _listener.RecordObservableInstruments();

            Assert.Contains(_measurements, m => m.Instrument == "reviewworkflow.durable.queue.backlog"
                && Equals(m.Tags["queue"], hub + "-control") && m.Value == 1);
        }
    }

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct
    {
        var dictionary = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            dictionary[tag.Key] = tag.Value;
        }

        _measurements.Add((instrument.Name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), dictionary));
    }
}
