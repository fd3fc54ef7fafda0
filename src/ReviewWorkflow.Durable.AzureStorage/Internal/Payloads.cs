using System.Globalization;
using ReviewWorkflow.Storage.Tables;

namespace ReviewWorkflow.Durable.AzureStorage.Internal;

/// <summary>Creates an (empty) chunk row for segment group <paramref name="index"/> of content <paramref name="contentId"/>.</summary>
internal delegate TableEntity ChunkRowFactory(string contentId, int index);

/// <summary>
/// Stores strings of any length in table rows. Table string properties hold at most 64 KiB (32K UTF-16 units) and an
/// entity at most 1 MiB, so a value is written as
/// <list type="bullet">
/// <item>one property <c>Name</c> when it has at most <see cref="SegmentChars"/> characters;</item>
/// <item>segments <c>Name_0..Name_{n-1}</c> plus <c>Name_n</c> in the same row, up to a per-row budget;</item>
/// <item>otherwise chunk rows (<see cref="ChunkRowSegments"/> segments each) named by a fresh content id, referenced as
/// <c>Name_c = "{contentId}:{rows}:{length}"</c>. Chunk rows are immutable and invisible until referenced.</item>
/// </list>
/// Segments stay below 64 KiB however the value is measured (15,000 UTF-16 units ≤ 45,000 UTF-8 bytes) and are never
/// split inside a surrogate pair.
/// </summary>
internal static class Payloads
{
    public const int SegmentChars = 15_000;
    public const int ChunkRowSegments = 16;
    private const string SegmentCountSuffix = "_n";
    private const string ChunkRefSuffix = "_c";

    public static void Write(TableEntity row, string name, string? value, int maxInRowSegments, ChunkRowFactory chunkRow, List<TableEntity> chunkRows)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length <= SegmentChars)
        {
            row[name] = value;
            return;
        }

        var segments = Split(value);
        if (segments.Count <= maxInRowSegments)
        {
            row[name + SegmentCountSuffix] = segments.Count;
            for (var i = 0; i < segments.Count; i++)
            {
                row[SegmentName(name, i)] = segments[i];
            }

            return;
        }

        var contentId = Guid.NewGuid().ToString("N");
        var rows = 0;
        for (var start = 0; start < segments.Count; start += ChunkRowSegments, rows++)
        {
            var chunk = chunkRow(contentId, rows);
            var count = Math.Min(ChunkRowSegments, segments.Count - start);
            chunk["n"] = count;
            for (var j = 0; j < count; j++)
            {
                chunk["d" + j.ToString(CultureInfo.InvariantCulture)] = segments[start + j];
            }

            chunkRows.Add(chunk);
        }

        row[name + ChunkRefSuffix] = string.Create(CultureInfo.InvariantCulture, $"{contentId}:{rows}:{value.Length}");
    }

    /// <summary>Copies an already written value (inline, segments or chunk reference) from one row to another.</summary>
    public static void CopyStored(TableEntity from, TableEntity to, string name)
    {
        foreach (var (key, v) in from)
        {
            if (key == name || key == name + ChunkRefSuffix || key == name + SegmentCountSuffix || IsSegmentOf(key, name))
            {
                to[key] = v;
            }
        }
    }

    /// <summary>Reads a value written by <see cref="Write"/>; <paramref name="chunks"/> returns the chunk rows of a content id
    /// ordered by index (or null when they are not available).</summary>
    public static string? Read(TableEntity row, string name, Func<string, IReadOnlyList<TableEntity>?> chunks)
    {
        if (row.GetString(name) is { } inline)
        {
            return inline;
        }

        if (row.GetInt32(name + SegmentCountSuffix) is { } count)
        {
            var parts = new string[count];
            for (var i = 0; i < count; i++)
            {
                parts[i] = row.GetString(SegmentName(name, i)) ?? throw new InvalidDataException($"Row '{row.RowKey}' misses segment {i} of '{name}'.");
            }

            return string.Concat(parts);
        }

        if (row.GetString(name + ChunkRefSuffix) is { } reference)
        {
            var (contentId, rows, length) = ParseReference(reference);
            var chunkRows = chunks(contentId);
            if (chunkRows is null || chunkRows.Count != rows)
            {
                throw new InvalidDataException($"Row '{row.RowKey}' references content {contentId} of '{name}' in {rows} chunk rows, but {chunkRows?.Count ?? 0} exist.");
            }

            var sb = new System.Text.StringBuilder(length);
            foreach (var chunk in chunkRows)
            {
                var n = chunk.GetInt32("n") ?? 0;
                for (var j = 0; j < n; j++)
                {
                    sb.Append(chunk.GetString("d" + j.ToString(CultureInfo.InvariantCulture)));
                }
            }

            if (sb.Length != length)
            {
                throw new InvalidDataException($"Content {contentId} of '{name}' has {sb.Length} characters; {length} expected.");
            }

            return sb.ToString();
        }

        return null;
    }

    /// <summary>Content ids a row references.</summary>
    public static IEnumerable<string> References(TableEntity row)
    {
        foreach (var (key, v) in row)
        {
            if (key.EndsWith(ChunkRefSuffix, StringComparison.Ordinal) && v is string s)
            {
                yield return ParseReference(s).ContentId;
            }
        }
    }

    /// <summary>Content id referenced by property <paramref name="name"/> of the row, if the value lives in chunk rows.</summary>
    public static string? ReferenceOf(TableEntity row, string name)
        => row.GetString(name + ChunkRefSuffix) is { } s ? ParseReference(s).ContentId : null;

    /// <summary>A conservative estimate of the bytes an entity takes in a JSON request body (for the 4 MiB batch limit):
    /// characters the JSON writer may escape count 6 bytes.</summary>
    public static int EstimateWireBytes(TableEntity entity)
    {
        var total = 400 + entity.PartitionKey.Length * 6 + entity.RowKey.Length * 6;
        foreach (var (key, v) in entity)
        {
            total += key.Length + 48 + (v is string s ? EstimateJsonString(s) : 32);
        }

        return total;
    }

    public static int EstimateJsonString(string s)
    {
        var total = 2;
        foreach (var c in s)
        {
            total += c switch
            {
                >= ' ' and < (char)0x7F when c is not ('"' or '\\' or '<' or '>' or '&' or '\'' or '+' or '`') => 1,
                '"' or '\\' => 2,
                _ => 6,
            };
        }

        return total;
    }

    private static (string ContentId, int Rows, int Length) ParseReference(string reference)
    {
        var parts = reference.Split(':');
        if (parts.Length != 3)
        {
            throw new InvalidDataException($"Corrupt content reference '{reference}'.");
        }

        return (parts[0], int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture));
    }

    private static string SegmentName(string name, int index) => name + "_" + index.ToString(CultureInfo.InvariantCulture);

    private static bool IsSegmentOf(string key, string name) =>
        key.Length > name.Length + 1
        && key.StartsWith(name, StringComparison.Ordinal)
        && key[name.Length] == '_'
        && key.AsSpan(name.Length + 1).IndexOfAnyExceptInRange('0', '9') < 0;

    private static List<string> Split(string value)
    {
        var segments = new List<string>(value.Length / SegmentChars + 1);
        var i = 0;
        while (i < value.Length)
        {
            var length = Math.Min(SegmentChars, value.Length - i);
            if (i + length < value.Length && char.IsHighSurrogate(value[i + length - 1]))
            {
                length--;
            }

            segments.Add(value.Substring(i, length));
            i += length;
        }

        return segments;
    }
}
