using Azure.Core;
using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;

namespace ReviewWorkflow.Directory.Graph;

/// <summary>Builds the <see cref="GraphServiceClient"/> from <see cref="DirectoryOptions"/>.</summary>
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

        var scope = $"{baseUrl.Scheme}://{baseUrl.Host}/.default";
        var authentication = new AzureIdentityAuthenticationProvider(credential, [baseUrl.Host], null, true, scope);
        return new GraphServiceClient(authentication, options.GraphBaseUrl.TrimEnd('/'));
    }
}
