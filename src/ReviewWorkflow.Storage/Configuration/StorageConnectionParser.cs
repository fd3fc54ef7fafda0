using System.Globalization;
using Azure.Core;

namespace ReviewWorkflow.Storage.Configuration;

/// <summary>
/// Parses Functions-style <c>AzureWebJobsStorage</c> connection strings. Error messages name the setting that is
/// wrong but never repeat a value, so an account key cannot leak into logs.
/// </summary>
internal static class StorageConnectionParser
{
    private const string DevelopmentHost = "127.0.0.1";
    private const int DevelopmentTablePort = 10002;
    private const int DevelopmentQueuePort = 10001;

    private static readonly HashSet<string> KnownKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "UseDevelopmentStorage", "DevelopmentStorageProxyUri", "DefaultEndpointsProtocol", "AccountName", "AccountKey",
        "EndpointSuffix", "TableEndpoint", "QueueEndpoint", "BlobEndpoint", "FileEndpoint", "SharedAccessSignature",
    };

    public static StorageConnection Parse(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var settings = Split(connectionString);

        if (settings.TryGetValue("UseDevelopmentStorage", out var useDev))
        {
            if (!string.Equals(useDev, "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new FormatException("Connection string: UseDevelopmentStorage must be 'true' when present.");
            }

            return Development(settings.TryGetValue("DevelopmentStorageProxyUri", out var proxy) ? proxy : null);
        }

        if (settings.ContainsKey("SharedAccessSignature"))
        {
            throw new FormatException("Connection string: SharedAccessSignature connection strings are not supported; use an account key or a managed identity (service URIs).");
        }

        var account = Required(settings, "AccountName");
        var key = Required(settings, "AccountKey");
        if (!IsBase64(key))
        {
            throw new FormatException("Connection string: AccountKey is not valid Base64.");
        }

        var protocol = settings.TryGetValue("DefaultEndpointsProtocol", out var p) ? p.ToLowerInvariant() : "https";
        if (protocol is not ("http" or "https"))
        {
            throw new FormatException("Connection string: DefaultEndpointsProtocol must be 'http' or 'https'.");
        }

        var suffix = settings.TryGetValue("EndpointSuffix", out var s) ? s.Trim('.') : "core.windows.net";
        if (suffix.Length == 0 || Uri.CheckHostName(suffix) != UriHostNameType.Dns)
        {
            throw new FormatException("Connection string: EndpointSuffix is not a valid host name suffix.");
        }

        var table = settings.TryGetValue("TableEndpoint", out var te)
            ? Endpoint("TableEndpoint", te)
            : Endpoint("TableEndpoint", $"{protocol}://{account}.table.{suffix}");
        var queue = settings.TryGetValue("QueueEndpoint", out var qe)
            ? Endpoint("QueueEndpoint", qe)
            : Endpoint("QueueEndpoint", $"{protocol}://{account}.queue.{suffix}");

        return new StorageConnection
        {
            TableEndpoint = table,
            QueueEndpoint = queue,
            AccountName = account,
            AccountKey = key,
            IsPathStyle = IsPathStyleEndpoint(table),
        };
    }

    public static StorageConnection FromServiceUris(Uri tableEndpoint, Uri queueEndpoint, TokenCredential credential)
    {
        ArgumentNullException.ThrowIfNull(tableEndpoint);
        ArgumentNullException.ThrowIfNull(queueEndpoint);
        ArgumentNullException.ThrowIfNull(credential);
        var table = Endpoint("TableServiceUri", tableEndpoint.OriginalString, ArgumentExceptionFactory);
        var queue = Endpoint("QueueServiceUri", queueEndpoint.OriginalString, ArgumentExceptionFactory);
        var pathStyle = IsPathStyleEndpoint(table);
        return new StorageConnection
        {
            TableEndpoint = table,
            QueueEndpoint = queue,
            AccountName = AccountFromEndpoint(table, pathStyle),
            Credential = credential,
            IsPathStyle = pathStyle,
        };
    }

    /// <summary>The account name in a URI: the first path segment when path-style, else the first host label.</summary>
    internal static string? AccountFromEndpoint(Uri endpoint, bool pathStyle)
    {
        if (pathStyle)
        {
            return endpoint.AbsolutePath.Trim('/').Split('/')[0];
        }

        return endpoint.HostNameType == UriHostNameType.Dns ? endpoint.Host.Split('.')[0] : null;
    }

    private static StorageConnection Development(string? proxy)
    {
        string host = DevelopmentHost, scheme = "http";
        if (proxy is not null)
        {
            if (!Uri.TryCreate(proxy, UriKind.Absolute, out var proxyUri))
            {
                throw new FormatException("Connection string: DevelopmentStorageProxyUri is not an absolute URI.");
            }

            host = proxyUri.Host;
            scheme = proxyUri.Scheme;
        }

        var account = StorageConnection.DevelopmentAccountName;
        return new StorageConnection
        {
            TableEndpoint = new Uri(string.Create(CultureInfo.InvariantCulture, $"{scheme}://{host}:{DevelopmentTablePort}/{account}")),
            QueueEndpoint = new Uri(string.Create(CultureInfo.InvariantCulture, $"{scheme}://{host}:{DevelopmentQueuePort}/{account}")),
            AccountName = account,
            AccountKey = StorageConnection.DevelopmentAccountKey,
            IsPathStyle = true,
        };
    }

    private static Dictionary<string, string> Split(string connectionString)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var segments = connectionString.Split(';');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i].Trim();
            if (segment.Length == 0)
            {
                continue;
            }

            var eq = segment.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                // Do not echo the segment: it could be (part of) a key.
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Connection string: segment {i + 1} is not of the form Name=Value."));
            }

            var name = segment[..eq].Trim();
            var value = segment[(eq + 1)..].Trim();
            if (!KnownKeys.Contains(name))
            {
                // A stray key fragment ("...;<key>==") parses as a name; only echo names that look like setting names.
                var shown = name.Length <= 30 && name.All(char.IsAsciiLetter) ? $" '{name}'" : "";
                throw new FormatException(string.Create(CultureInfo.InvariantCulture,
                    $"Connection string: segment {i + 1} has an unknown setting{shown}. Expected UseDevelopmentStorage=true, or DefaultEndpointsProtocol, AccountName, AccountKey, EndpointSuffix, TableEndpoint, QueueEndpoint."));
            }

            if (!settings.TryAdd(name, value))
            {
                throw new FormatException($"Connection string: setting '{name}' appears more than once.");
            }
        }

        if (settings.Count == 0)
        {
            throw new FormatException("Connection string is empty. Use 'UseDevelopmentStorage=true' for Azurite or an account-key connection string.");
        }

        return settings;
    }

    private static string Required(Dictionary<string, string> settings, string name)
        => settings.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new FormatException($"Connection string: {name} is missing.");

    private static Uri Endpoint(string name, string value) => Endpoint(name, value, m => new FormatException(m));

    private static Uri Endpoint(string name, string value, Func<string, Exception> error)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw error($"{name} is not an absolute http(s) URI.");
        }

        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw error($"{name} must not have a query or fragment.");
        }

        // Normalise to no trailing slash so paths can be appended with "/...".
        var text = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return new Uri(text, UriKind.Absolute);
    }

    private static ArgumentException ArgumentExceptionFactory(string message) => new(message);

    private static bool IsPathStyleEndpoint(Uri endpoint) => endpoint.AbsolutePath.Trim('/').Length > 0;

    private static bool IsBase64(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var written) && written > 0;
    }
}
