using System.Text.Json.Nodes;

namespace ReviewWorkflow.Drive;

/// <summary>Lenient reads of the API's JSON (property names compared case-insensitively, searched at any depth).</summary>
internal static class JsonRead
{
    public static JsonNode? Find(JsonNode? node, string name)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                    {
                        return value;
                    }
                }

                foreach (var (_, value) in obj)
                {
                    if (Find(value, name) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonArray array:
                return array.Select(item => Find(item, name)).FirstOrDefault(found => found is not null);
            default:
                return null;
        }
    }

    public static string? Text(JsonNode? node, string name) => Find(node, name) is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static int? Number(JsonNode? node, string name) => Find(node, name) is JsonValue v && v.TryGetValue<int>(out var n) ? n : null;

    public static bool? Flag(JsonNode? node, string name) => Find(node, name) is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    public static JsonArray? Array(JsonNode? node, string name) => Find(node, name) as JsonArray;
}
