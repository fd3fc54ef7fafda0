using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace ReviewWorkflow.Workflow.Audit;

/// <summary>
/// The hash chain: each row's hash is SHA-256 (lowercase hex) over the UTF-8 JSON array
/// ["rw-audit-v1", cycleId, sequence, time (yyyy-MM-ddTHH:mm:ss.fffZ), actor, role, action, subject, details, requestId,
/// messageId, idempotencyKey, previousHash], nulls written as null. The first row's previous hash is 64 zeros.
/// Changing the layout breaks verification of old rows: add a "v2" tag instead.
/// </summary>
public static class AuditHasher
{
    public static readonly string Genesis = new('0', 64);

    public static string Compute(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteStringValue("rw-audit-v1");
            writer.WriteStringValue(entry.CycleId);
            writer.WriteNumberValue(entry.Sequence);
            writer.WriteStringValue(FormatTime(entry.Time));
            writer.WriteStringValue(entry.Actor);
            writer.WriteStringValue(AuditRoles.ToText(entry.Role));
            writer.WriteStringValue(entry.Action);
            WriteNullable(writer, entry.Subject);
            WriteNullable(writer, entry.Details);
            WriteNullable(writer, entry.RequestId);
            WriteNullable(writer, entry.MessageId);
            WriteNullable(writer, entry.IdempotencyKey);
            writer.WriteStringValue(entry.PreviousHash);
            writer.WriteEndArray();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Cuts an instant to whole milliseconds in UTC, the precision that is hashed and stored.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    private static void WriteNullable(Utf8JsonWriter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
