using Azure.Core.Pipeline;

namespace ReviewWorkflow.Storage.Configuration;

/// <summary>
/// Options-pattern configuration, bound from the section named <see cref="SectionName"/> and from the
/// top-level <c>AzureWebJobsStorage</c> key (the same key Azure Functions uses).
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Connection string, e.g. <c>UseDevelopmentStorage=true</c>. Ignored when service URIs are set.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Table service URI for identity-based connections (AzureWebJobsStorage__tableServiceUri in Functions).</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>Queue service URI for identity-based connections (AzureWebJobsStorage__queueServiceUri in Functions).</summary>
    public Uri? QueueServiceUri { get; set; }

    /// <summary>Client id of a user-assigned managed identity; empty means DefaultAzureCredential.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Retries for 408/429/500/502/503/504 and timeouts, with exponential backoff.</summary>
    public int MaxRetries { get; set; } = 4;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Timeout of one HTTP attempt.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Extra pipeline policies (e.g. a request counter for benchmarks), run once per attempt.</summary>
    public IList<HttpPipelinePolicy> AdditionalPolicies { get; } = new List<HttpPipelinePolicy>();

    /// <summary>Replaces the HTTP transport (tests use a fake one); null means Azure.Core's shared HttpClient.</summary>
    internal HttpPipelineTransport? Transport { get; set; }
}
