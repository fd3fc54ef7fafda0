using OpenTelemetry;
using OpenTelemetry.Metrics;
using ReviewWorkflow.App.Telemetry;
using ReviewWorkflow.Workflow.Telemetry;

namespace ReviewWorkflow.App.Tests.Telemetry;

/// <summary>The meter provider the OTLP exporter is attached to (built with the app's own subscription) hears every meter.</summary>
public sealed class OtlpExportTests
{
    [Fact]
    public void The_exported_meters_include_the_review_cycle()
    {
        var exporter = new CollectingExporter();
        using (var provider = Sdk.CreateMeterProviderBuilder()
            .AddReviewWorkflowMeters()
            .AddReader(new BaseExportingMetricReader(exporter))
            .Build())
        {
            // Zero adds: a data point for each instrument without changing any count another test reads.
            WorkflowMetrics.EmailsSent.Add(0);
            WorkflowMetrics.EmailsBounced.Add(0);
            WorkflowMetrics.ResponsesReceived.Add(0);
            provider.ForceFlush();
        }

        Assert.Contains((WorkflowMetrics.Name, "reviewworkflow.emails.sent"), exporter.Exported);
        Assert.Contains((WorkflowMetrics.Name, "reviewworkflow.emails.bounced"), exporter.Exported);
        Assert.Contains((WorkflowMetrics.Name, "reviewworkflow.responses.received"), exporter.Exported);
    }

    private sealed class CollectingExporter : BaseExporter<Metric>
    {
        public HashSet<(string Meter, string Instrument)> Exported { get; } = [];

        public override ExportResult Export(in Batch<Metric> batch)
        {
            foreach (var metric in batch)
            {
                Exported.Add((metric.MeterName, metric.Name));
            }

            return ExportResult.Success;
        }
    }
}
