using Azure.Core;

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
}
