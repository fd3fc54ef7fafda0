using System.Globalization;

namespace ReviewWorkflow.Durable.AzureStorage.Internal;

/// <summary>
/// Row keys of an instance partition (PartitionKey = sanitized instance id):
/// <code>
/// s                                   status row: the InstanceRecord plus store metadata; the ETag anchor of every commit
/// h-{epoch:D6}-{first:D10}[~{tag}]    a pack of consecutive history records (epoch changes with ReplaceHistory)
/// i-{message key}                     one inbox message (appended by senders, or added by a commit)
/// i~{tag}~{message key}               an inbox message added by an oversized commit
/// o-{commitNo:D12}-{n:D4}[~{tag}]     a pack of outbox records added by commit number commitNo
/// p-{contentId}-{index:D4}            chunk rows of a large value, referenced by content id
/// </code>
/// Rows with a <c>~{tag}</c> were written before their commit's anchor batch; they count only while the status row lists
/// the tag as committed (see <see cref="PartitionState"/>).
/// </summary>
internal static class RowLayout
{
    public const string StatusKey = "s";

    public static string History(int epoch, int first) => string.Create(CultureInfo.InvariantCulture, $"h-{epoch:D6}-{first:D10}");

    public static string Outbox(long commitNo, int index) => string.Create(CultureInfo.InvariantCulture, $"o-{commitNo:D12}-{index:D4}");

    public static string Inbox(string messageId) => "i-" + KeySanitizer.MessageKey(messageId);

    public static string Chunk(string contentId, int index) => string.Create(CultureInfo.InvariantCulture, $"p-{contentId}-{index:D4}");

    /// <summary>Lower and upper bounds of the chunk rows of one content id.</summary>
    public static (string From, string To) ChunkRange(string contentId) => ($"p-{contentId}-", $"p-{contentId}.");

    /// <summary>The key a row gets when it is written ahead of its commit's anchor batch.</summary>
    public static string Tagged(string key, string tag) =>
        key.StartsWith("i-", StringComparison.Ordinal) ? $"i~{tag}~{key[2..]}" : $"{key}~{tag}";

    public static RowKind KindOf(string rowKey) => rowKey switch
    {
        StatusKey => RowKind.Status,
        _ when rowKey.StartsWith("h-", StringComparison.Ordinal) => RowKind.History,
        _ when rowKey.StartsWith("i-", StringComparison.Ordinal) || rowKey.StartsWith("i~", StringComparison.Ordinal) => RowKind.Inbox,
        _ when rowKey.StartsWith("o-", StringComparison.Ordinal) => RowKind.Outbox,
        _ when rowKey.StartsWith("p-", StringComparison.Ordinal) => RowKind.Chunk,
        _ => RowKind.Other,
    };
}

internal enum RowKind
{
    Status,
    History,
    Inbox,
    Outbox,
    Chunk,
    Other,
}

/// <summary>Property names used in rows.</summary>
internal static class Columns
{
    public const string Tag = "Tag";
    public const string CommitNo = "CommitNo";
    public const string Epoch = "Epoch";
    public const string First = "First";
    public const string Count = "Count";
    public const string Data = "D";
    public const string MessageId = "Id";
    public const string EventType = "EventType";
    public const string VisibleAt = "VisibleAt";
    public const string AppendedAt = "AppendedAt";
    public const string Json = "Json";
}
