using Azure.Core;
using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;

namespace ReviewWorkflow.Directory.Graph;

/// <summary>Builds the <see cref="GraphServiceClient"/> from <see cref="DirectoryOptions"/>.</summary>
/// <remarks>
/// The client's HTTP pipeline is Graph.Core's default (<c>GraphClientFactory.CreateDefaultHandlers</c>): among others
/// Kiota's retry handler, which retries 429, 503 and 504 up to 3 times, waiting for <c>Retry-After</c> when Graph sends
/// it (exponential from 3 s otherwise), and throws an <see cref="AggregateException"/> when the retries run out
/// (<see cref="GraphDirectory"/> turns that into a <see cref="DirectoryException"/>).
/// </remarks>
public static class DirectoryGraphClientFactory
{
    /// <summary>Client secret when <see cref="DirectoryOptions.ClientSecret"/> is set, otherwise managed identity.</summary>
    public static TokenCredential CreateCredential(DirectoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            if (string.IsNullOrWhiteSpace(options.TenantId) || string.IsNullOrWhiteSpace(options.ClientId))
            {
                throw new InvalidOperationException("Directory:ClientSecret is set but Directory:TenantId or Directory:ClientId is empty.");
            }

            return new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret);
        }

        return new ManagedIdentityCredential(string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
            ? ManagedIdentityId.SystemAssigned
            : ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId));
    }

    /// <summary>A Graph client whose tokens are for the host of <see cref="DirectoryOptions.GraphBaseUrl"/> (so national clouds work).</summary>
    public static GraphServiceClient Create(DirectoryOptions options, TokenCredential credential)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Uri.TryCreate(options.GraphBaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidOperationException($"Directory:GraphBaseUrl '{options.GraphBaseUrl}' is not an absolute https URL.");
        }

        return Create(baseUrl, credential);
    }

    /// <summary>The same client for any base URL: tests point it at a scripted Graph on loopback http, which the Azure
    /// Identity authentication provider allows for 127.0.0.1/localhost only.</summary>
    internal static GraphServiceClient Create(Uri baseUrl, TokenCredential credential)
    {
        // Tokens only for Graph's own host: an @odata.nextLink pointing elsewhere gets no bearer token.
        var scope = $"{baseUrl.Scheme}://{baseUrl.Host}/.default";
        var authentication = new AzureIdentityAuthenticationProvider(credential, [baseUrl.Host], null, true, scope);
        return new GraphServiceClient(authentication, baseUrl.ToString().TrimEnd('/'));
    }
}
