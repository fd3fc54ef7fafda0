using System.Runtime.CompilerServices;
using DurableTask.Core.History;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ReviewWorkflow.DurableTask.Client;

/// <summary>
/// Reads and writes DTFx history events as JSON. The Azure Storage provider returns a history as a JSON array written
/// by Newtonsoft.Json without type names; each event's <c>EventType</c> says which <see cref="HistoryEvent"/> class it is.
/// </summary>
public static class HistoryJson
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        DateTimeZoneHandling = DateTimeZoneHandling.Utc,
        DateParseHandling = DateParseHandling.DateTime,
    });

    private static readonly Lazy<IReadOnlyDictionary<EventType, Type>> TypesByEventType = new(() =>
        HistoryEvent.KnownTypes()
            .Where(t => !t.IsAbstract)
            .ToDictionary(t => ((HistoryEvent)RuntimeHelpers.GetUninitializedObject(t)).EventType, t => t));

    /// <summary>Parses a JSON array of history events.</summary>
    public static IReadOnlyList<HistoryEvent> Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.DateTime, DateTimeZoneHandling = DateTimeZoneHandling.Utc };
        var array = JArray.Load(reader);
        var events = new List<HistoryEvent>(array.Count);
        foreach (var token in array)
        {
            var eventType = ReadEventType(token);
            if (!TypesByEventType.Value.TryGetValue(eventType, out var type))
            {
                throw new JsonSerializationException($"Unknown history event type '{eventType}'.");
            }

            events.Add((HistoryEvent)token.ToObject(type, Serializer)!);
        }

        return events;
    }

    /// <summary>Writes history events as an indented JSON array that <see cref="Parse"/> reads back.</summary>
    public static string Serialize(IEnumerable<HistoryEvent> events)
    {
        var array = JArray.FromObject(events.ToList(), Serializer);
        return array.ToString(Formatting.Indented);
    }

    private static EventType ReadEventType(JToken token)
    {
        var value = token["EventType"] ?? throw new JsonSerializationException("A history event has no EventType.");
        return value.Type == JTokenType.Integer
            ? (EventType)value.Value<int>()
            : Enum.Parse<EventType>(value.Value<string>()!, ignoreCase: true);
    }
}
