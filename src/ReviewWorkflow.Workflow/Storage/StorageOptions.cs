namespace ReviewWorkflow.Workflow.Storage;

/// <summary>
/// The app's storage account (section <see cref="SectionName"/>); when it names no account, the Functions-style
/// <c>AzureWebJobsStorage</c> value is used (<see cref="StorageServiceCollectionExtensions.AddReviewWorkflowStorage"/>).
/// The retry settings become the SDK clients' <c>Retry</c> options (exponential backoff).
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Connection string, e.g. <c>UseDevelopmentStorage=true</c>. Ignored when <see cref="TableServiceUri"/> is set.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Table service URI for identity-based access (<c>AzureWebJobsStorage__tableServiceUri</c> in Functions).</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>Queue service URI for identity-based access (<c>AzureWebJobsStorage__queueServiceUri</c> in Functions).</summary>
    public Uri? QueueServiceUri { get; set; }

    /// <summary>Client id of a user-assigned managed identity; empty means <c>DefaultAzureCredential</c>.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Retries of 408/429/500/502/503/504 and transport failures or timeouts, with exponential backoff.</summary>
    public int MaxRetries { get; set; } = 4;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Timeout of one attempt.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The connection string to use when no service URI is set (Azurite's when nothing is configured).</summary>
    public string EffectiveConnectionString => string.IsNullOrWhiteSpace(ConnectionString) ? "UseDevelopmentStorage=true" : ConnectionString;
}
