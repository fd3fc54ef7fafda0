using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;

namespace ReviewWorkflow.Workflow.Audit;

/// <summary>
/// The table layout of the audit trail. Partition = cycle id. Two row kinds:
/// "e-0000000001" ... entries (ordered by sequence), and "k-{sha256 of idempotency key}" → the sequence it produced.
/// </summary>
internal static class AuditRows
{
    public const string EntryPrefix = "e-";

    /// <summary>The first key after every entry row ('.' follows '-').</summary>
    public const string EntryEnd = "e.";

    public const string KeyPrefix = "k-";

    public static string EntryKey(long sequence) => EntryPrefix + sequence.ToString("D10", CultureInfo.InvariantCulture);

    public static string IdempotencyRowKey(string idempotencyKey) =>
        KeyPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)));

    public static TableEntity ToEntity(AuditEntry entry)
    {
        var row = V1Entity(entry);
        if (entry.Scheme == 2)
        {
            // Only v2 rows carry the new columns, so v1 rows are stored exactly as before.
            row["Scheme"] = entry.Scheme;
            row["PersonalSubject"] = entry.PersonalSubject;
            row["PersonalDetails"] = entry.PersonalDetails;
            row["PersonalDigest"] = entry.PersonalDigest;
            row["Redacted"] = entry.Redacted;
        }

        return row;
    }

    private static TableEntity V1Entity(AuditEntry entry) => new(entry.CycleId, EntryKey(entry.Sequence))
    {
        ["Kind"] = "entry",
        ["Sequence"] = entry.Sequence,
        ["Time"] = entry.Time,
        ["Actor"] = entry.Actor,
        ["Role"] = AuditRoles.ToText(entry.Role),
        ["Action"] = entry.Action,
        ["Subject"] = entry.Subject,
        ["Details"] = entry.Details,
        ["RequestId"] = entry.RequestId,
        ["MessageId"] = entry.MessageId,
        ["IdempotencyKey"] = entry.IdempotencyKey,
        ["PreviousHash"] = entry.PreviousHash,
        ["Hash"] = entry.Hash,
    };

    public static TableEntity ToKeyEntity(string cycleId, string idempotencyKey, long sequence) => new(cycleId, IdempotencyRowKey(idempotencyKey))
    {
        ["Kind"] = "idempotency-key",
        ["IdempotencyKey"] = idempotencyKey,
        ["Sequence"] = sequence,
    };

    /// <summary>Reads an entry row; a role the code does not know is reported through <paramref name="roleText"/>.</summary>
    public static AuditEntry FromEntity(TableEntity entity, out string? roleText)
    {
        roleText = entity.GetString("Role");
        return new AuditEntry
        {
            CycleId = entity.PartitionKey,
            Sequence = entity.GetInt64("Sequence") ?? 0,
            Time = entity.GetDateTimeOffset("Time") ?? default,
            Actor = entity.GetString("Actor") ?? "",
            Role = AuditRoles.Parse(roleText) ?? AuditRole.System,
            Action = entity.GetString("Action") ?? "",
            Subject = entity.GetString("Subject"),
            Details = entity.GetString("Details"),
            RequestId = entity.GetString("RequestId"),
            MessageId = entity.GetString("MessageId"),
            IdempotencyKey = entity.GetString("IdempotencyKey"),
            Scheme = entity.GetInt32("Scheme") ?? 1,
            PersonalSubject = entity.GetString("PersonalSubject"),
            PersonalDetails = entity.GetString("PersonalDetails"),
            PersonalDigest = entity.GetString("PersonalDigest"),
            Redacted = entity.GetBoolean("Redacted") ?? false,
            PreviousHash = entity.GetString("PreviousHash") ?? "",
            Hash = entity.GetString("Hash") ?? "",
        };
    }

    public static AuditEntry FromEntity(TableEntity entity) => FromEntity(entity, out _);
}
