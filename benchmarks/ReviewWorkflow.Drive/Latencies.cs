using System.Collections.Concurrent;
using System.Globalization;

namespace ReviewWorkflow.Drive;

/// <summary>Request latencies and errors per kind of request, thread-safe.</summary>
internal sealed class Latencies
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _samples = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _errors = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _firstErrors = new();

    public void Add(string kind, TimeSpan elapsed) => _samples.GetOrAdd(kind, _ => []).Add(elapsed.TotalMilliseconds);

    public void Error(string kind, string what)
    {
        _errors.AddOrUpdate(kind, 1, (_, n) => n + 1);
        if (_firstErrors.Count < 10)
        {
            _firstErrors.Enqueue($"{kind}: {what}");
        }
    }

    public int Errors => _errors.Values.Sum();

    public int Count => _samples.Values.Sum(b => b.Count);

    public IEnumerable<string> FirstErrors => _firstErrors;

    /// <summary>Nearest-rank percentile over the kinds given (all when none).</summary>
    public double Percentile(double p, params string[] kinds)
    {
        var values = _samples.Where(s => kinds.Length == 0 || kinds.Contains(s.Key)).SelectMany(s => s.Value).Order().ToArray();
        return values.Length == 0 ? 0 : values[Math.Clamp((int)Math.Ceiling(p / 100 * values.Length) - 1, 0, values.Length - 1)];
    }

    public IEnumerable<string> Table()
    {
        yield return "kind                 count  errors   p50 ms   p95 ms   p99 ms   max ms";
        foreach (var kind in _samples.Keys.Concat(_errors.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            var count = _samples.TryGetValue(kind, out var bag) ? bag.Count : 0;
            yield return string.Create(CultureInfo.InvariantCulture,
                $"{kind,-18} {count,7} {_errors.GetValueOrDefault(kind),7} {Percentile(50, kind),8:F0} {Percentile(95, kind),8:F0} {Percentile(99, kind),8:F0} {Percentile(100, kind),8:F0}");
        }
    }
}
