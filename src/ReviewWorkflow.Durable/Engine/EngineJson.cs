using System.Text.Json;
using ReviewWorkflow.Durable.Execution;
using ReviewWorkflow.Durable.History;
using ReviewWorkflow.Durable.Store;

namespace ReviewWorkflow.Durable.Engine;

/// <summary>The activity queue message: which task of which instance execution to run, with what input.</summary>
internal sealed record ActivityWorkItem(string InstanceId, string ExecutionId, int TaskId, string Name, string? Input);

/// <summary>The outbox payload of <see cref="OutboxKind.CreateInstance"/>.</summary>
internal sealed record CreateInstancePayload(InstanceRecord Record, InboxRecord Start);

/// <summary>How the engine turns its events into store rows and back.</summary>
internal static class EngineJson
{
    public static string Serialize(HistoryEvent e) => JsonSerializer.Serialize(e, DurableJson.Options);

    public static HistoryEvent Parse(string json) =>
        JsonSerializer.Deserialize<HistoryEvent>(json, DurableJson.Options) ?? throw new JsonException("Empty history event.");

    public static HistoryRecord ToHistoryRecord(int sequence, HistoryEvent e) => new(sequence, e.EventType, Serialize(e));

    public static InboxRecord ToInbox(string messageId, HistoryEvent e, DateTimeOffset? visibleAt = null) =>
        new(messageId, e.EventType, Serialize(e with { MessageId = messageId }), visibleAt);

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, DurableJson.Options);

    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, DurableJson.Options) ?? throw new JsonException($"Empty {typeof(T).Name}.");

    /// <summary>Wake-up message text: the instance id, or a JSON object with an "instanceId" property.</summary>
    public static string ParseWakeup(string messageText)
    {
        ArgumentNullException.ThrowIfNull(messageText);
        if (!messageText.StartsWith('{'))
        {
            return messageText;
        }

        using var doc = JsonDocument.Parse(messageText);
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            if (string.Equals(p.Name, "instanceId", StringComparison.OrdinalIgnoreCase))
            {
                return p.Value.GetString() ?? throw new JsonException("Wake-up message without an instance id.");
            }
        }

        throw new JsonException("Wake-up message without an instance id.");
    }
}
