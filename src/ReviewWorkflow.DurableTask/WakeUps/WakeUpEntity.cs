using Azure;
using Azure.Data.Tables;

namespace ReviewWorkflow.DurableTask.WakeUps;

/// <summary>One pending wake-up: a row per orchestration instance in the wake-ups table.</summary>
internal sealed class WakeUpEntity : ITableEntity
{
    /// <summary>All rows share one partition: the sweep reads them with one query, and there are few (one per live instance).</summary>
    public const string Partition = "wake-up";

    public string PartitionKey { get; set; } = Partition;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string InstanceId { get; set; } = string.Empty;

    public DateTimeOffset DueAt { get; set; }

    /// <summary>The app's clock when the row was written, for diagnosis.</summary>
    public DateTimeOffset ScheduledAt { get; set; }

    /// <summary>Row keys may not hold '/', '\', '#', '?' or control characters; instance ids may, so those are escaped.</summary>
    public static string RowKeyFor(string instanceId)
    {
        var builder = new System.Text.StringBuilder(instanceId.Length);
        foreach (var c in instanceId)
        {
            if (c is '%' or '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
