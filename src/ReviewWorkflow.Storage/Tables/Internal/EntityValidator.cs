using System.Globalization;

namespace ReviewWorkflow.Storage.Tables.Internal;

/// <summary>
/// Checks keys, property names, types and sizes against the Table service limits before anything is sent, so a bad
/// entity fails fast with a message that names the problem instead of a 400 from the service.
/// </summary>
internal static class EntityValidator
{
    public const int MaxKeyLength = 512; // 1 KiB of UTF-16, as the service and Azurite count it
    public const int MaxCustomProperties = 252;
    public const int MaxPropertyNameLength = 255;
    public const int MaxStringChars = 32 * 1024; // 64 KiB of UTF-16
    public const int MaxBinaryBytes = 64 * 1024;
    public const long MaxEntityBytes = 1024 * 1024;

    private static readonly DateTime MinDate = new(1601, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static void ValidateKey(string? value, string keyName)
    {
        if (value is null)
        {
            throw new ArgumentException($"{keyName} must not be null.", keyName);
        }

        if (value.Length > MaxKeyLength)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{keyName} is {value.Length} characters; the limit is 1 KiB ({MaxKeyLength} UTF-16 characters)."), keyName);
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is '/' or '\\' or '#' or '?')
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{keyName} contains '{c}' at position {i}; the Table service forbids / \\ # ? in keys."), keyName);
            }

            if (char.IsControl(c))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{keyName} contains control character U+{(int)c:X4} at position {i}; the Table service forbids control characters in keys."), keyName);
            }
        }
    }

    public static void ValidateEntity(TableEntity entity, string parameterName = "entity")
    {
        ArgumentNullException.ThrowIfNull(entity, parameterName);
        ValidateKey(entity.PartitionKey, nameof(TableEntity.PartitionKey));
        ValidateKey(entity.RowKey, nameof(TableEntity.RowKey));

        long size = 4 + (2L * entity.PartitionKey.Length) + (2L * entity.RowKey.Length);
        var count = 0;
        foreach (var (name, value) in entity)
        {
            if (value is null)
            {
                continue;
            }

            ValidatePropertyName(name, parameterName);
            count++;
            size += 8 + (2L * name.Length) + ValueSize(name, value, parameterName);
        }

        if (count > MaxCustomProperties)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The entity has {count} properties; the Table service allows at most {MaxCustomProperties} besides PartitionKey, RowKey and Timestamp."), parameterName);
        }

        if (size > MaxEntityBytes)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The entity is about {size:N0} bytes; the Table service allows at most 1 MiB ({MaxEntityBytes:N0} bytes)."), parameterName);
        }
    }

    private static void ValidatePropertyName(string name, string parameterName)
    {
        if (name.Length == 0 || name.Length > MaxPropertyNameLength)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Property name '{name}' must be 1-{MaxPropertyNameLength} characters."), parameterName);
        }

        if (name is nameof(TableEntity.PartitionKey) or nameof(TableEntity.RowKey) or nameof(TableEntity.Timestamp) or "ETag" or "odata.etag")
        {
            throw new ArgumentException($"Property name '{name}' is reserved; set the {name} property of the entity instead of a dictionary entry.", parameterName);
        }

        if (!(char.IsLetter(name[0]) || name[0] == '_') || !name.All(c => char.IsLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException($"Property name '{name}' is not valid: use letters, digits and underscores, starting with a letter or underscore.", parameterName);
        }
    }

    private static long ValueSize(string name, object value, string parameterName) => value switch
    {
        string s when s.Length > MaxStringChars => throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture, $"Property '{name}' is a string of {s.Length:N0} characters; the Table service allows 64 KiB ({MaxStringChars:N0} UTF-16 characters)."), parameterName),
        string s => 4 + (2L * s.Length),
        byte[] b when b.Length > MaxBinaryBytes => throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture, $"Property '{name}' is {b.Length:N0} bytes of binary; the Table service allows 64 KiB ({MaxBinaryBytes:N0} bytes)."), parameterName),
        byte[] b => 4 + b.Length,
        int or bool => 4,
        long or double => 8,
        DateTimeOffset d when d.UtcDateTime < MinDate => throw new ArgumentException($"Property '{name}' is before 1601-01-01, the earliest date the Table service stores.", parameterName),
        DateTime d when ToUtc(d) < MinDate => throw new ArgumentException($"Property '{name}' is before 1601-01-01, the earliest date the Table service stores.", parameterName),
        DateTimeOffset or DateTime => 8,
        Guid => 16,
        _ => throw new ArgumentException(
            $"Property '{name}' has type {value.GetType().Name}; supported types are string, int, long, double, bool, DateTimeOffset, DateTime, Guid and byte[].", parameterName),
    };

    internal static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value,
    };
}
