using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ReviewWorkflow.Storage.Pipeline;

/// <summary>
/// The string-to-sign builders for Azure Storage Shared Key authorization, kept pure so tests can pin them.
/// <para>The canonicalized resource is "/" + account + the request's (percent-encoded) URI path. For a path-style
/// endpoint such as Azurite's http://127.0.0.1:10002/devstoreaccount1 the path already starts with the account,
/// so the account appears twice (/devstoreaccount1/devstoreaccount1/Tables) — that is what the service expects.</para>
/// </summary>
internal static class SharedKeySigner
{
    /// <summary>Table SharedKeyLite: <c>x-ms-date \n /account/path[?comp=...]</c>.</summary>
    public static string TableSharedKeyLiteStringToSign(string account, string date, string encodedPath, string? query)
        => date + "\n" + TableCanonicalizedResource(account, encodedPath, query);

    /// <summary>Table SharedKey: <c>VERB \n Content-MD5 \n Content-Type \n Date \n /account/path[?comp=...]</c>.</summary>
    public static string TableSharedKeyStringToSign(string verb, string? contentMd5, string? contentType, string date, string account, string encodedPath, string? query)
        => verb + "\n" + contentMd5 + "\n" + contentType + "\n" + date + "\n" + TableCanonicalizedResource(account, encodedPath, query);

    /// <summary>
    /// Blob/Queue SharedKey: the verb, eleven standard headers (Date empty because x-ms-date is sent; Content-Length
    /// empty when 0), the sorted x-ms-* headers and the canonicalized resource with every query parameter.
    /// </summary>
    public static string QueueSharedKeyStringToSign(
        string verb,
        long? contentLength,
        string? contentType,
        string? ifMatch,
        IEnumerable<KeyValuePair<string, string>> headers,
        string account,
        string encodedPath,
        string? query)
    {
        var sb = new StringBuilder();
        sb.Append(verb).Append('\n');
        sb.Append('\n'); // Content-Encoding
        sb.Append('\n'); // Content-Language
        sb.Append(contentLength is > 0 ? contentLength.Value.ToString(CultureInfo.InvariantCulture) : "").Append('\n');
        sb.Append('\n'); // Content-MD5
        sb.Append(contentType).Append('\n');
        sb.Append('\n'); // Date (x-ms-date is used)
        sb.Append('\n'); // If-Modified-Since
        sb.Append(ifMatch).Append('\n');
        sb.Append('\n'); // If-None-Match
        sb.Append('\n'); // If-Unmodified-Since
        sb.Append('\n'); // Range

        foreach (var header in headers
                     .Where(h => h.Key.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
                     .Select(h => new KeyValuePair<string, string>(h.Key.ToLowerInvariant(), h.Value.Trim()))
                     .OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            sb.Append(header.Key).Append(':').Append(header.Value).Append('\n');
        }

        sb.Append('/').Append(account).Append(encodedPath.Length == 0 ? "/" : encodedPath);
        foreach (var parameter in ParseQuery(query)
                     .GroupBy(p => p.Key.ToLowerInvariant(), StringComparer.Ordinal)
                     .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            sb.Append('\n').Append(parameter.Key).Append(':')
              .Append(string.Join(',', parameter.Select(p => p.Value).OrderBy(v => v, StringComparer.Ordinal)));
        }

        return sb.ToString();
    }

    /// <summary>Base64(HMAC-SHA256(Base64Decode(key), UTF8(stringToSign))).</summary>
    public static string Sign(string base64Key, string stringToSign)
    {
        var key = Convert.FromBase64String(base64Key);
        var hash = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign));
        return Convert.ToBase64String(hash);
    }

    private static string TableCanonicalizedResource(string account, string encodedPath, string? query)
    {
        var resource = "/" + account + (encodedPath.Length == 0 ? "/" : encodedPath);
        var comp = ParseQuery(query).FirstOrDefault(p => string.Equals(p.Key, "comp", StringComparison.OrdinalIgnoreCase));
        return comp.Key is null ? resource : resource + "?comp=" + comp.Value;
    }

    /// <summary>Splits "?a=1&amp;b=x%20y" into decoded name/value pairs.</summary>
    internal static IEnumerable<KeyValuePair<string, string>> ParseQuery(string? query)
    {
        if (string.IsNullOrEmpty(query))
        {
            yield break;
        }

        foreach (var part in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? part : part[..eq];
            var value = eq < 0 ? "" : part[(eq + 1)..];
            yield return new(Uri.UnescapeDataString(name), Uri.UnescapeDataString(value));
        }
    }
}
