namespace ReviewWorkflow.App.Tests.Telemetry;

/// <summary>
/// The meters are static, so a <see cref="System.Diagnostics.Metrics.MeterListener"/> hears every app in the test process.
/// Tests that count measurements exactly, or prove which host recorded them, run in this collection: after the parallel
/// ones and alone, so the only app recording is theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunAlone
{
    public const string Name = "Metrics (run alone)";
}
