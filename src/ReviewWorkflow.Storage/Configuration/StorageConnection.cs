using Azure.Core;
using Azure.Identity;

namespace ReviewWorkflow.Storage.Configuration;

/// <summary>
/// Where the Table and Queue services are and how to authenticate to them. Built from a Functions-style
/// <c>AzureWebJobsStorage</c> value: <c>UseDevelopmentStorage=true</c>, an account-key connection string
/// (with or without explicit <c>TableEndpoint</c>/<c>QueueEndpoint</c>), or service URIs plus a <see cref="TokenCredential"/>.
/// </summary>
public sealed class StorageConnection
{
    /// <summary>The well-known Azurite / storage emulator account.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>The well-known, public Azurite account key (not a secret).</summary>
    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>The Entra ID scope for Azure Storage data-plane tokens.</summary>
    public const string StorageScope = "https://storage.azure.com/.default";

    public required Uri TableEndpoint { get; init; }
    public required Uri QueueEndpoint { get; init; }

    /// <summary>Account name; required for SharedKey signing, derived from the host when only URIs are given.</summary>
    public string? AccountName { get; init; }

    /// <summary>Base64 account key, or null when a <see cref="Credential"/> is used.</summary>
    public string? AccountKey { get; init; }

    /// <summary>Entra ID credential (managed identity in Azure); used when <see cref="AccountKey"/> is null.</summary>
    public TokenCredential? Credential { get; init; }

    /// <summary>True for path-style endpoints (Azurite: http://127.0.0.1:10002/devstoreaccount1).</summary>
    public bool IsPathStyle { get; init; }

    /// <summary>Parses a connection string. Throws <see cref="FormatException"/> with a message naming what is wrong.</summary>
    public static StorageConnection Parse(string connectionString) => StorageConnectionParser.Parse(connectionString);

    /// <summary>Service URIs with an Entra ID credential (scope https://storage.azure.com/.default).</summary>
    public static StorageConnection FromServiceUris(Uri tableEndpoint, Uri queueEndpoint, TokenCredential credential)
        => StorageConnectionParser.FromServiceUris(tableEndpoint, queueEndpoint, credential);

    /// <summary>
    /// Builds a connection from options: service URIs (identity-based, <see cref="ManagedIdentityCredential"/> when
    /// <see cref="StorageOptions.ManagedIdentityClientId"/> is set, else <see cref="DefaultAzureCredential"/>) take
    /// precedence over <see cref="StorageOptions.ConnectionString"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">Neither a connection string nor both service URIs are configured.</exception>
    /// <exception cref="FormatException">The connection string is malformed.</exception>
    public static StorageConnection FromOptions(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.TableServiceUri is not null || options.QueueServiceUri is not null)
        {
            if (options.TableServiceUri is null || options.QueueServiceUri is null)
            {
                throw new InvalidOperationException(
                    $"Storage: both {StorageOptions.SectionName}:{nameof(StorageOptions.TableServiceUri)} and {StorageOptions.SectionName}:{nameof(StorageOptions.QueueServiceUri)} are needed for an identity-based connection.");
            }

            TokenCredential credential = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
                ? new DefaultAzureCredential()
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId));
            return FromServiceUris(options.TableServiceUri, options.QueueServiceUri, credential);
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new InvalidOperationException(
                $"Storage is not configured: set AzureWebJobsStorage (e.g. UseDevelopmentStorage=true), {StorageOptions.SectionName}:{nameof(StorageOptions.ConnectionString)}, or {StorageOptions.SectionName}:{nameof(StorageOptions.TableServiceUri)} and {nameof(StorageOptions.QueueServiceUri)}.");
        }

        return Parse(options.ConnectionString);
    }
}
