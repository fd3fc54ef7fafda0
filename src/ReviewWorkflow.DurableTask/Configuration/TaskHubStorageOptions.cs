namespace ReviewWorkflow.DurableTask.Configuration;

/// <summary>
/// Where the task hub lives, read from the Functions host's <c>AzureWebJobsStorage</c> settings: a connection string
/// (<c>UseDevelopmentStorage=true</c> or a full one), or identity-based service URIs
/// (<c>AzureWebJobsStorage__tableServiceUri</c>, <c>__queueServiceUri</c>, <c>__blobServiceUri</c>, optional <c>__clientId</c>).
/// </summary>
public sealed class TaskHubStorageOptions
{
    public const string SectionName = "AzureWebJobsStorage";

    public string? ConnectionString { get; set; }

    public Uri? TableServiceUri { get; set; }

    public Uri? QueueServiceUri { get; set; }

    public Uri? BlobServiceUri { get; set; }

    /// <summary>Client id of a user-assigned managed identity; empty means DefaultAzureCredential.</summary>
    public string? ClientId { get; set; }

    public bool UsesIdentity => TableServiceUri is not null || QueueServiceUri is not null || BlobServiceUri is not null;
}
