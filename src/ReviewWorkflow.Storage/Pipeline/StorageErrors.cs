using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace ReviewWorkflow.Storage.Pipeline;

/// <summary>Turns a failed response into a <see cref="StorageRequestException"/> with the service's error code.</summary>
internal static class StorageErrors
{
    public static StorageRequestException FromResponse(Response response, string operation)
    {
        var (code, message) = Parse(response.Headers.TryGetValue(StorageHeaders.ErrorCode, out var header) ? header : null, response.Content?.ToString());
        return Create(response.Status, code, message, operation);
    }

    public static StorageRequestException Create(int status, string? code, string? serviceMessage, string operation)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{operation} failed: HTTP {status}{(code is null ? "" : " " + code)}");
        if (!string.IsNullOrWhiteSpace(serviceMessage))
        {
            text += " — " + FirstLine(serviceMessage);
        }

        return new StorageRequestException(status, code, text);
    }

    /// <summary>The error code and message from the x-ms-error-code header, a JSON odata.error body or an XML Error body.</summary>
    internal static (string? Code, string? Message) Parse(string? headerCode, string? body)
    {
        string? code = string.IsNullOrWhiteSpace(headerCode) ? null : headerCode.Trim();
        string? message = null;
        body = body?.Trim();
        if (!string.IsNullOrEmpty(body))
        {
            if (body.StartsWith('{'))
            {
                try
                {
                    using var doc = JsonDocument.Parse(body);
                    if (doc.RootElement.TryGetProperty("odata.error", out var error) || doc.RootElement.TryGetProperty("error", out error))
                    {
                        if (error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String)
                        {
                            code ??= c.GetString();
                        }

                        if (error.TryGetProperty("message", out var m))
                        {
                            message = m.ValueKind == JsonValueKind.String ? m.GetString()
                                : m.TryGetProperty("value", out var v) ? v.GetString() : null;
                        }
                    }
                }
                catch (JsonException)
                {
                    // not JSON after all; keep the header code
                }
            }
            else if (body.StartsWith('<'))
            {
                try
                {
                    var root = XDocument.Parse(body).Root;
                    code ??= root?.Element("Code")?.Value ?? root?.Elements().FirstOrDefault(e => e.Name.LocalName == "code")?.Value;
                    message = root?.Element("Message")?.Value ?? root?.Elements().FirstOrDefault(e => e.Name.LocalName == "message")?.Value;
                }
                catch (System.Xml.XmlException)
                {
                    // not XML after all
                }
            }
        }

        return (code, message);
    }

    public static StorageRequestException Unreachable(string operation, Exception inner)
        => new(0, null, $"{operation} failed: the storage service could not be reached ({inner.GetBaseException().Message}).", inner);

    private static string FirstLine(string text)
    {
        var newline = text.IndexOfAny(['\r', '\n']);
        return newline < 0 ? text : text[..newline];
    }
}
