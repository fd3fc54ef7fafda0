namespace ReviewWorkflow.Durable.AzureStorage;

/// <summary>Options of the Azure Storage durable store, bound from <see cref="SectionName"/>.</summary>
public sealed class AzureStorageDurableOptions
{
    public const string SectionName = "Durable:AzureStorage";

    /// <summary>Names the tables (<c>{hub}Instances</c>, <c>{hub}Index</c>, <c>{hub}Payloads</c>, <c>{hub}Poison</c>) and queues
    /// (<c>{hub}-control</c>, <c>{hub}-workitems</c>). Letters and digits, starting with a letter, 3–40 characters.</summary>
    public string TaskHubName { get; set; } = "reviewworkflow";

    /// <summary>Concurrent requests used for the extra batches of an oversized commit, purges and clean-up.</summary>
    public int MaxParallelRequests { get; set; } = 8;

    /// <summary>How many instances' partition state is kept in memory (saves a read before each commit).</summary>
    public int InstanceCacheSize { get; set; } = 1024;

    /// <summary>Chunk rows written by an inbox append too large for one batch are collected only after this grace time.</summary>
    public TimeSpan OrphanChunkGrace { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Activity messages whose UTF-8 text is longer than this are offloaded to the payload table (queue messages are
    /// limited to 64 KiB after Base64, which inflates 4/3).</summary>
    public int MaxInlineMessageBytes { get; set; } = 45_000;

    internal void Validate()
    {
        if (TaskHubName is null
            || TaskHubName.Length is < 3 or > 40
            || !char.IsAsciiLetter(TaskHubName[0])
            || !TaskHubName.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"Task hub name '{TaskHubName}' is invalid: use 3–40 ASCII letters and digits, starting with a letter.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxParallelRequests, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(InstanceCacheSize, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxInlineMessageBytes, 48_000);
    }
}
