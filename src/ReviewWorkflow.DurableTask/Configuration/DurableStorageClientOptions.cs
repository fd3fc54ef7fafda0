using Azure.Core.Pipeline;

namespace ReviewWorkflow.DurableTask.Configuration;

/// <summary>
/// Extra Azure SDK pipeline policies for every storage client the engine builds (task hub blobs, queues and tables,
/// and the wake-ups table) — e.g. the benchmark's request counter. Configure with
/// <c>services.Configure&lt;DurableStorageClientOptions&gt;(o =&gt; o.Policies.Add(...))</c>.
/// </summary>
public sealed class DurableStorageClientOptions
{
    public IList<HttpPipelinePolicy> Policies { get; } = new List<HttpPipelinePolicy>();
}
