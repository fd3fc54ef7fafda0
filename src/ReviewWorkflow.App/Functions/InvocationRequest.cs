using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ReviewWorkflow.App.Functions;

/// <summary>
/// The body the Functions host POSTs to <c>/{FunctionName}</c>: <c>{"Data": {binding: value}, "Metadata": {...}}</c>.
/// The host serialises every value with Json.NET, so scalars often arrive JSON-encoded a second time
/// (<c>"DequeueCount": "1"</c>, <c>"Id": "\"…\""</c>); the readers here accept both forms.
/// </summary>
public sealed class InvocationRequest
{
    public Dictionary<string, JsonElement> Data { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, JsonElement> Metadata { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public string? MetadataString(string name)
    {
        if (!Metadata.TryGetValue(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => Unquote(value.GetString()!),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => value.GetRawText(),
        };
    }

    public long? MetadataInt64(string name)
    {
        if (Metadata.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
        {
            return number;
        }

        return long.TryParse(MetadataString(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }

    /// <summary>
    /// The text of a queue-trigger message. function.json declares <c>"dataType": "binary"</c>, so the host sends the
    /// message's bytes Base64-encoded (after undoing the queue's own Base64 <c>messageEncoding</c>); a JSON-quoted
    /// string or a JSON object (what the host sends for a string or JSON message without that declaration) is
    /// accepted as well.
    /// </summary>
    public string? QueueMessageText(string binding)
    {
        if (!Data.TryGetValue(binding, out var value))
        {
            return null;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Object or JsonValueKind.Array:
                return value.GetRawText();
            case JsonValueKind.String:
                var text = value.GetString()!;
                if (text.StartsWith('"'))
                {
                    return Unquote(text);
                }

                var buffer = new byte[text.Length];
                if (Convert.TryFromBase64String(text, buffer, out var written))
                {
                    try
                    {
                        return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, written);
                    }
                    catch (DecoderFallbackException)
                    {
                        // Not Base64 of UTF-8 text after all: the raw text it is.
                    }
                }

                return text;
            default:
                return null;
        }
    }

    private static string Unquote(string text)
    {
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
        {
            try
            {
                return JsonSerializer.Deserialize<string>(text) ?? text;
            }
            catch (JsonException)
            {
                return text;
            }
        }

        return text;
    }
}
