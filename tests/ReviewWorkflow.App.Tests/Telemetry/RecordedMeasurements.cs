using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace ReviewWorkflow.App.Tests.Telemetry;

/// <summary>Listens to every <c>ReviewWorkflow*</c> meter and keeps what it hears (instrument, meter, value, tags).</summary>
public sealed class RecordedMeasurements : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    public RecordedMeasurements()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name.StartsWith("ReviewWorkflow", StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    public IReadOnlyList<Measurement> All => [.. _measurements];

    /// <summary>Measurements of <paramref name="instrument"/> whose tags include every pair in <paramref name="tags"/>.</summary>
    public IReadOnlyList<Measurement> Of(string instrument, params (string Key, object? Value)[] tags) =>
        [.. _measurements.Where(m => m.Instrument == instrument && tags.All(t => m.Tags.TryGetValue(t.Key, out var v) && Equals(v, t.Value)))];

    public double Sum(string instrument, params (string Key, object? Value)[] tags) => Of(instrument, tags).Sum(m => m.Value);

    public void RecordObservableInstruments() => _listener.RecordObservableInstruments();

    public void Dispose() => _listener.Dispose();

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct
    {
        var dictionary = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            dictionary[tag.Key] = tag.Value;
        }

        _measurements.Enqueue(new Measurement(instrument.Name, instrument.Meter.Name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), dictionary));
    }

    public sealed record Measurement(string Instrument, string Meter, double Value, IReadOnlyDictionary<string, object?> Tags);
}
