using Azure.Core;
using Azure.Core.Pipeline;
using ReviewWorkflow.Storage.Configuration;

namespace ReviewWorkflow.Storage.Pipeline;

/// <summary>
/// Builds the Azure.Core pipeline for one service: retries with exponential backoff (408/429/500/502/503/504 and
/// network timeouts), a per-attempt timeout, redacted logging, the caller's extra per-attempt policies, then the
/// storage headers and the authorization (SharedKey or Bearer).
/// </summary>
internal static class StoragePipelineFactory
{
    // Query parameters safe to log. Everything else (sig, se, popreceipt, filters with user data) is logged as REDACTED.
    private static readonly string[] LoggedQueryParameters =
    [
        "comp", "restype", "timeout", "numofmessages", "visibilitytimeout", "messagettl", "peekonly", "maxresults", "$top",
    ];

    private static readonly string[] LoggedHeaders =
    [
        StorageHeaders.Version, StorageHeaders.ErrorCode, StorageHeaders.NextPartitionKey, StorageHeaders.NextRowKey,
        StorageHeaders.TimeNextVisible, StorageHeaders.ApproximateMessagesCount, StorageHeaders.Prefer,
        StorageHeaders.DataServiceVersion, StorageHeaders.MaxDataServiceVersion, "x-ms-request-id", "x-ms-client-request-id",
        "Preference-Applied", "Content-ID",
    ];

    public static HttpPipeline Create(StorageService service, StorageConnection connection, StorageOptions options, bool forPing = false)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);

        var clientOptions = CreateClientOptions(options, forPing);
        foreach (var policy in options.AdditionalPolicies)
        {
            clientOptions.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        }

        var version = service == StorageService.Table ? StorageHeaders.TableVersion : StorageHeaders.QueueVersion;
        clientOptions.AddPolicy(new StorageHeadersPolicy(version), HttpPipelinePosition.BeforeTransport);

        var perRetry = new List<HttpPipelinePolicy>();
        if (connection.AccountKey is not null)
        {
            var account = connection.AccountName
                ?? throw new InvalidOperationException("Storage: an account name is needed to sign requests with an account key.");
            clientOptions.AddPolicy(new SharedKeyPolicy(service, account, connection.AccountKey), HttpPipelinePosition.BeforeTransport);
        }
        else if (connection.Credential is not null)
        {
            perRetry.Add(new BearerTokenAuthenticationPolicy(connection.Credential, StorageConnection.StorageScope));
        }
        else
        {
            throw new InvalidOperationException("Storage: the connection has neither an account key nor a credential.");
        }

        return HttpPipelineBuilder.Build(clientOptions, [], [.. perRetry], new ResponseClassifier());
    }

    internal static StorageClientOptions CreateClientOptions(StorageOptions options, bool forPing)
    {
        var clientOptions = new StorageClientOptions();
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.MaxRetries = forPing ? 0 : Math.Max(0, options.MaxRetries);
        clientOptions.Retry.Delay = options.RetryDelay;
        clientOptions.Retry.MaxDelay = options.MaxRetryDelay;
        clientOptions.Retry.NetworkTimeout = forPing && options.RequestTimeout > TimeSpan.FromSeconds(5) ? TimeSpan.FromSeconds(5) : options.RequestTimeout;
        clientOptions.Diagnostics.IsLoggingContentEnabled = false;
        clientOptions.Diagnostics.ApplicationId = "ReviewWorkflow";
        foreach (var name in LoggedQueryParameters)
        {
            clientOptions.Diagnostics.LoggedQueryParameters.Add(name);
        }

        foreach (var name in LoggedHeaders)
        {
            clientOptions.Diagnostics.LoggedHeaderNames.Add(name);
        }

        if (options.Transport is not null)
        {
            clientOptions.Transport = options.Transport;
        }

        return clientOptions;
    }
}
