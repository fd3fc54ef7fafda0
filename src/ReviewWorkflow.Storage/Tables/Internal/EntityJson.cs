using System.Globalization;
using System.Text.Json;

namespace ReviewWorkflow.Storage.Tables.Internal;

/// <summary>
/// Entity (de)serialization in the Table service's JSON format with "Name@odata.type" annotations for the types JSON
/// cannot carry: Edm.Int64 (as a string), Edm.Double (always, so 3.0 stays a double), Edm.DateTime, Edm.Guid, Edm.Binary.
/// </summary>
internal static class EntityJson
{
    private const string TypeSuffix = "@odata.type";
    private const string DateFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>The JSON body; throws <see cref="ArgumentException"/> when it exceeds 1 MiB (Azurite measures the entity this way).</summary>
    public static byte[] Serialize(TableEntity entity)
    {
        var json = SerializeUnchecked(entity);
        if (json.Length > EntityValidator.MaxEntityBytes)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The entity serializes to {json.Length:N0} bytes of JSON; the Table service allows at most 1 MiB ({EntityValidator.MaxEntityBytes:N0} bytes)."),
                nameof(entity));
        }

        return json;
    }

    private static byte[] SerializeUnchecked(TableEntity entity)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(nameof(TableEntity.PartitionKey), entity.PartitionKey);
            writer.WriteString(nameof(TableEntity.RowKey), entity.RowKey);
            foreach (var (name, value) in entity)
            {
                if (value is not null)
                {
                    WriteProperty(writer, name, value);
                }
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static byte[] SerializeTableName(string tableName)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("TableName", tableName);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteProperty(Utf8JsonWriter writer, string name, object value)
    {
        switch (value)
        {
            case string s:
                writer.WriteString(name, s);
                break;
            case int i:
                writer.WriteNumber(name, i);
                break;
            case long l:
                writer.WriteString(name + TypeSuffix, "Edm.Int64");
                writer.WriteString(name, l.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                writer.WriteString(name + TypeSuffix, "Edm.Double");
                if (double.IsFinite(d))
                {
                    writer.WriteNumber(name, d);
                }
                else
                {
                    writer.WriteString(name, double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
                }

                break;
            case bool b:
                writer.WriteBoolean(name, b);
                break;
            case DateTimeOffset dto:
                writer.WriteString(name + TypeSuffix, "Edm.DateTime");
                writer.WriteString(name, FormatDate(dto.UtcDateTime));
                break;
            case DateTime dt:
                writer.WriteString(name + TypeSuffix, "Edm.DateTime");
                writer.WriteString(name, FormatDate(EntityValidator.ToUtc(dt)));
                break;
            case Guid g:
                writer.WriteString(name + TypeSuffix, "Edm.Guid");
                writer.WriteString(name, g.ToString("D"));
                break;
            case byte[] bytes:
                writer.WriteString(name + TypeSuffix, "Edm.Binary");
                writer.WriteBase64String(name, bytes);
                break;
            default:
                throw new ArgumentException($"Property '{name}' has unsupported type {value.GetType().Name}.", nameof(value));
        }
    }

    internal static string FormatDate(DateTime utc) => utc.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads one entity object from a minimal-metadata response; <paramref name="etag"/> overrides odata.etag.</summary>
    public static TableEntity Deserialize(JsonElement element, string? etag = null)
    {
        var entity = new TableEntity();
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.EndsWith(TypeSuffix, StringComparison.Ordinal) && property.Value.ValueKind == JsonValueKind.String)
            {
                types[property.Name[..^TypeSuffix.Length]] = property.Value.GetString()!;
            }
        }

        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            var value = property.Value;
            if (name.EndsWith(TypeSuffix, StringComparison.Ordinal))
            {
                continue;
            }

            switch (name)
            {
                case "odata.etag":
                    entity.ETag ??= value.GetString();
                    continue;
                case nameof(TableEntity.PartitionKey):
                    entity.PartitionKey = value.GetString() ?? "";
                    continue;
                case nameof(TableEntity.RowKey):
                    entity.RowKey = value.GetString() ?? "";
                    continue;
                case nameof(TableEntity.Timestamp):
                    entity.Timestamp = value.ValueKind == JsonValueKind.String ? ParseDate(value.GetString()!) : null;
                    continue;
            }

            if (name.StartsWith("odata.", StringComparison.Ordinal) || value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            entity[name] = types.TryGetValue(name, out var type) ? ReadTyped(value, type) : ReadUntyped(value);
        }

        if (etag is not null)
        {
            entity.ETag = etag;
        }

        return entity;
    }

    private static object? ReadTyped(JsonElement value, string type) => type switch
    {
        "Edm.Int64" => value.ValueKind == JsonValueKind.String ? long.Parse(value.GetString()!, NumberStyles.Integer, CultureInfo.InvariantCulture) : value.GetInt64(),
        "Edm.Int32" => value.ValueKind == JsonValueKind.String ? int.Parse(value.GetString()!, NumberStyles.Integer, CultureInfo.InvariantCulture) : value.GetInt32(),
        "Edm.Double" => value.ValueKind == JsonValueKind.String ? ParseDouble(value.GetString()!) : value.GetDouble(),
        "Edm.DateTime" => ParseDate(value.GetString()!),
        "Edm.Guid" => Guid.Parse(value.GetString()!),
        "Edm.Binary" => value.GetBytesFromBase64(),
        "Edm.Boolean" => value.ValueKind == JsonValueKind.String ? bool.Parse(value.GetString()!) : value.GetBoolean(),
        _ => ReadUntyped(value),
    };

    private static object? ReadUntyped(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return value.GetString();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Number:
                // The service omits the type for Int32 and Double; a decimal point or exponent means Double.
                var raw = value.GetRawText();
                if (raw.AsSpan().IndexOfAny(".eE") < 0)
                {
                    if (value.TryGetInt32(out var i))
                    {
                        return i;
                    }

                    if (value.TryGetInt64(out var l))
                    {
                        return l;
                    }
                }

                return value.GetDouble();
            default:
                return value.GetRawText();
        }
    }

    private static double ParseDouble(string text) => text switch
    {
        "NaN" => double.NaN,
        "Infinity" or "INF" => double.PositiveInfinity,
        "-Infinity" or "-INF" => double.NegativeInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    internal static DateTimeOffset ParseDate(string text)
        => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
