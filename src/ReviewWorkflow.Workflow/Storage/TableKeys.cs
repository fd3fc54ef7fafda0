using System.Globalization;

namespace ReviewWorkflow.Workflow.Storage;

/// <summary>
/// The Table service forbids '/', '\', '#', '?' and control characters in PartitionKey and RowKey and limits each to
/// 1 KiB; the SDK sends whatever it is given and the service answers with an unhelpful 400 (or, for '/' in a point
/// read, a different resource). Every key built from input passes here first, so a bad one is refused with a clear
/// message before it reaches storage.
/// </summary>
public static class TableKeys
{
    /// <summary>The longest key the service accepts, in UTF-16 characters.</summary>
    public const int MaxLength = 512;

    /// <summary>Throws <see cref="ArgumentException"/> naming the problem when <paramref name="key"/> cannot be a table key.</summary>
    public static string Check(string? key, string name)
    {
        if (key is null)
        {
            throw new ArgumentException($"{name} must not be null.", name);
        }

        if (key.Length > MaxLength)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name} is {key.Length} characters; a table key holds at most {MaxLength}."), name);
        }

        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (c is '/' or '\\' or '#' or '?')
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name} contains '{c}' at position {i}; table keys cannot contain / \\ # or ?."), name);
            }

            if (char.IsControl(c))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name} contains the control character U+{(int)c:X4} at position {i}; table keys cannot contain control characters."), name);
            }
        }

        return key;
    }

    /// <summary>Checks a partition and row key together.</summary>
    public static void CheckBoth(string? partitionKey, string? rowKey)
    {
        Check(partitionKey, "PartitionKey");
        Check(rowKey, "RowKey");
    }
}
