namespace ReviewWorkflow.Bench;

/// <summary>One timed run: items done, wall time, storage requests counted meanwhile (polling included).</summary>
internal sealed record Measurement(string Name, int Items, TimeSpan Elapsed, long StorageRequests)
{
    public double ItemsPerSecond => Items / Elapsed.TotalSeconds;

    public double RequestsPerItem => (double)StorageRequests / Items;
}
