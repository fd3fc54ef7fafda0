using System.Diagnostics;

namespace ReviewWorkflow.App.Telemetry;

/// <summary>
/// The app's own trace source (System.Diagnostics; exported by OpenTelemetry when configured), named <see cref="Name"/>.
/// The review cycle records its emails and responses in <c>ReviewWorkflow.Workflow</c>
/// (<see cref="Workflow.Telemetry.WorkflowMetrics"/>) and the Durable Task Framework its orchestrations and activities in
/// <c>DurableTask.Core</c>; all are exported.
/// </summary>
public static class ReviewWorkflowMetrics
{
    public const string Name = "ReviewWorkflow";

    public static readonly ActivitySource ActivitySource = new(Name);
}
