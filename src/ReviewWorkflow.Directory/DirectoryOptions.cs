namespace ReviewWorkflow.Directory;

/// <summary>Configuration section <c>Directory</c> (environment: <c>Directory__Provider</c>, ...).</summary>
public sealed class DirectoryOptions
{
    public const string SectionName = "Directory";

    public const string DefaultGraphBaseUrl = "https://graph.microsoft.com/v1.0";

    /// <summary>"Local" (default: the file at <see cref="LocalDirectoryPath"/>, or the embedded demo directory) or "Graph".</summary>
    public string Provider { get; set; } = "Local";

    /// <summary>Entra tenant id (Graph with a client secret).</summary>
    public string? TenantId { get; set; }

    /// <summary>App registration's client id (Graph with a client secret).</summary>
    public string? ClientId { get; set; }

    /// <summary>App registration's secret: a Key Vault reference in Azure, never committed. Empty: managed identity.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Client id of a user-assigned managed identity; empty means the system-assigned identity.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Graph root including the version; national clouds use their own host.</summary>
    public string GraphBaseUrl { get; set; } = DefaultGraphBaseUrl;

    /// <summary>Local directory JSON file; relative paths are under the content root. Empty: the embedded demo directory.</summary>
    public string? LocalDirectoryPath { get; set; }

    internal bool UsesGraph => string.Equals(Provider, "Graph", StringComparison.OrdinalIgnoreCase);
}
