using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace ReviewWorkflow.Notifications.Webhook;

/// <summary>The webhook body is not the JSON array of events SendGrid sends.</summary>
public sealed class SendGridEventFormatException : FormatException
{
    public SendGridEventFormatException() { }

    public SendGridEventFormatException(string message) : base(message) { }

    public SendGridEventFormatException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>Parses the Event Webhook body (a JSON array of events) into <see cref="DeliveryEvent"/>s. Pure.</summary>
public static class SendGridEventParser
{
    /// <summary>Keys SendGrid itself puts on events; every other top-level string/number key is a custom arg.</summary>
    private static readonly FrozenSet<string> SendGridKeys = new[]
    {
        "email", "timestamp", "event", "sg_event_id", "sg_message_id", "category", "type", "status", "reason",
        "response", "attempt", "useragent", "ip", "url", "url_offset", "asm_group_id", "smtp-id", "tls", "cert_err",
        "pool", "sg_content_type", "sg_machine_open", "bounce_classification", "send_at", "marketing_campaign_id",
        "marketing_campaign_name", "marketing_campaign_version", "marketing_campaign_split_id", "singlesend_id",
        "singlesend_name", "template_id", "template_version_id", "template_name", "template_hash", "sg_template_id",
        "sg_template_name", "sg_user_id", "newsletter", "post_type", "mc_stats", "phase_id", "unique_args",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <exception cref="SendGridEventFormatException">Not JSON, not an array of objects, or an event lacks email/event/timestamp.</exception>
    public static IReadOnlyList<DeliveryEvent> Parse(ReadOnlySpan<byte> body)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(body);
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            throw new SendGridEventFormatException($"The webhook body is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new SendGridEventFormatException($"The webhook body must be a JSON array of events, not {document.RootElement.ValueKind}.");
            }

            var events = new List<DeliveryEvent>(document.RootElement.GetArrayLength());
            var index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                events.Add(ParseEvent(element, index++));
            }

            return events;
        }
    }

    private static DeliveryEvent ParseEvent(JsonElement element, int index)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new SendGridEventFormatException($"Event [{index}] is {element.ValueKind}, not an object.");
        }

        var email = RequiredString(element, "email", index);
        var eventName = RequiredString(element, "event", index);
        if (!element.TryGetProperty("timestamp", out var ts) || !TryUnixSeconds(ts, out var seconds))
        {
            throw new SendGridEventFormatException($"Event [{index}] has no numeric 'timestamp'.");
        }

        var categories = new List<string>();
        if (element.TryGetProperty("category", out var category))
        {
            if (category.ValueKind == JsonValueKind.String)
            {
                categories.Add(category.GetString()!);
            }
            else if (category.ValueKind == JsonValueKind.Array)
            {
                categories.AddRange(category.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.String).Select(c => c.GetString()!));
            }
        }

        var customArgs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (SendGridKeys.Contains(property.Name))
            {
                continue;
            }

            var value = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number => property.Value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => null,
            };
            if (value is not null)
            {
                customArgs[property.Name] = value;
            }
        }

        return new DeliveryEvent(
            email,
            DateTimeOffset.FromUnixTimeSeconds(seconds),
            eventName,
            OptionalString(element, "sg_event_id"),
            OptionalString(element, "sg_message_id"),
            OptionalString(element, "type"),
            OptionalString(element, "status"),
            OptionalString(element, "reason"),
            categories,
            customArgs);
    }

    private static string RequiredString(JsonElement element, string name, int index)
        => OptionalString(element, name) is { Length: > 0 } value
            ? value
            : throw new SendGridEventFormatException($"Event [{index}] has no '{name}'.");

    private static string? OptionalString(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    private static bool TryUnixSeconds(JsonElement value, out long seconds)
    {
        seconds = 0;
        var ok = value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetInt64(out seconds),
            JsonValueKind.String => long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out seconds),
            _ => false,
        };
        return ok && seconds >= 0 && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds();
    }
}
