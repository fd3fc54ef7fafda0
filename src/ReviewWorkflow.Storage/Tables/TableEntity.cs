// API SURFACE CONTRACT — other projects code against these names. Bodies are filled in by the storage work.
namespace ReviewWorkflow.Storage.Tables;

/// <summary>
/// A table entity: PartitionKey, RowKey, ETag, Timestamp and typed properties
/// (string, int, long, double, bool, DateTimeOffset, Guid, byte[]; null removes nothing and is not sent).
/// </summary>
public sealed class TableEntity : Dictionary<string, object?>
{
    public TableEntity() : base(StringComparer.Ordinal) { }

    public TableEntity(string partitionKey, string rowKey) : this()
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";

    /// <summary>The ETag the service returned for this entity (null for a new entity).</summary>
    public string? ETag { get; set; }

    public DateTimeOffset? Timestamp { get; set; }

    public string? GetString(string name) => TryGetValue(name, out var v) ? v as string : null;
    public int? GetInt32(string name) => TryGetValue(name, out var v) && v is not null ? Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) : null;
    public long? GetInt64(string name) => TryGetValue(name, out var v) && v is not null ? Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) : null;
    public double? GetDouble(string name) => TryGetValue(name, out var v) && v is not null ? Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture) : null;
    public bool? GetBoolean(string name) => TryGetValue(name, out var v) && v is bool b ? b : null;
    public DateTimeOffset? GetDateTimeOffset(string name) => TryGetValue(name, out var v) ? v switch
    {
        DateTimeOffset d => d,
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
        _ => null,
    } : null;
    public Guid? GetGuid(string name) => TryGetValue(name, out var v) && v is Guid g ? g : null;
    public byte[]? GetBinary(string name) => TryGetValue(name, out var v) ? v as byte[] : null;
}
