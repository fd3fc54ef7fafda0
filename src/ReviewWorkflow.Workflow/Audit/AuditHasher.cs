using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace ReviewWorkflow.Workflow.Audit;

/// <summary>
/// The hash chain: each row's hash is SHA-256 (lowercase hex) over a UTF-8 JSON array, nulls written as null; the first
/// row's previous hash is 64 zeros. Scheme v1 (every row before personal data could be redacted, and every row with no
/// consultee's personal data since): ["rw-audit-v1", cycleId, sequence, time (yyyy-MM-ddTHH:mm:ss.fffZ), actor, role,
/// action, subject, details, requestId, messageId, idempotencyKey, previousHash]. Scheme v2 (rows that hold a consultee's
/// personal data): ["rw-audit-v2", cycleId, sequence, time, role, action, subject, details, requestId, messageId,
/// idempotencyKey, personalSubject, personalDigest, previousHash], where personalDigest is HMAC-SHA256 keyed by the
/// consultee's salt over the JSON array [actor, personalDetails] (<see cref="PersonalDigest"/>). Never change a layout:
/// add a scheme.
/// </summary>
public static class AuditHasher
{
    public static readonly string Genesis = new('0', 64);

    public static string Compute(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Compute(entry, v2: entry.Scheme == 2);
    }

    /// <summary>HMAC-SHA256 (lowercase hex) keyed by <paramref name="salt"/> over the JSON array [actor, personalDetails].</summary>
    public static string PersonalDigest(byte[] salt, string actor, string? personalDetails)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteStringValue(actor);
            WriteNullable(writer, personalDetails);
            writer.WriteEndArray();
        }

        return Convert.ToHexStringLower(HMACSHA256.HashData(salt, buffer.WrittenSpan));
    }

    /// <summary>The row's fields in a fixed order. Version 1 hashes the actor in the clear; version 2 leaves it out and
    /// commits the consultee's personal fields by their salted digest instead (see the folder's README).</summary>
    private static string Compute(AuditEntry entry, bool v2)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteStringValue(v2 ? "rw-audit-v2" : "rw-audit-v1");
            writer.WriteStringValue(entry.CycleId);
            writer.WriteNumberValue(entry.Sequence);
            writer.WriteStringValue(FormatTime(entry.Time));
            if (!v2)
            {
                writer.WriteStringValue(entry.Actor);
            }

            writer.WriteStringValue(AuditRoles.ToText(entry.Role));
            writer.WriteStringValue(entry.Action);
            WriteNullable(writer, entry.Subject);
            WriteNullable(writer, entry.Details);
            WriteNullable(writer, entry.RequestId);
            WriteNullable(writer, entry.MessageId);
            WriteNullable(writer, entry.IdempotencyKey);
            if (v2)
            {
                WriteNullable(writer, entry.PersonalSubject);
                WriteNullable(writer, entry.PersonalDigest);
            }

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
