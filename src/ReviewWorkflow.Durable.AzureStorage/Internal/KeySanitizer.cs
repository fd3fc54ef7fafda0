using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ReviewWorkflow.Durable.AzureStorage.Internal;

/// <summary>
/// Makes arbitrary ids legal as PartitionKey/RowKey values the way DTFx's Azure Storage provider does:
/// <c>^</c> → <c>^^</c>, <c>/</c> → <c>^0</c>, <c>\</c> → <c>^1</c>, <c>#</c> → <c>^2</c>, <c>?</c> → <c>^3</c>,
/// control characters → <c>^</c> + (0xC0 + value). The mapping is per character, so it keeps prefixes
/// (a sanitized prefix is a prefix of every sanitized id that starts with it) and it is reversible.
/// </summary>
internal static class KeySanitizer
{
    /// <summary>Keys are limited to 1 KiB (512 UTF-16 units); stay well below with the prefixes we add.</summary>
    public const int MaxInstanceKeyLength = 400;

    private const int MaxMessageKeyLength = 200;

    public static string Sanitize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var needs = false;
        foreach (var c in value)
        {
            if (c is '^' or '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                needs = true;
                break;
            }
        }

        if (!needs)
        {
            return value;
        }

        var sb = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            switch (c)
            {
                case '^': sb.Append("^^"); break;
                case '/': sb.Append("^0"); break;
                case '\\': sb.Append("^1"); break;
                case '#': sb.Append("^2"); break;
                case '?': sb.Append("^3"); break;
                default:
                    if (char.IsControl(c))
                    {
                        sb.Append('^').Append((char)(0xC0 + c));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    public static string Unsanitize(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!key.Contains('^', StringComparison.Ordinal))
        {
            return key;
        }

        var sb = new StringBuilder(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (c != '^' || i + 1 >= key.Length)
            {
                sb.Append(c);
                continue;
            }

            var next = key[++i];
            sb.Append(next switch
            {
                '^' => '^',
                '0' => '/',
                '1' => '\\',
                '2' => '#',
                '3' => '?',
                _ => (char)(next - 0xC0),
            });
        }

        return sb.ToString();
    }

    /// <summary>The partition key of an instance; throws for ids too long to be a key.</summary>
    public static string PartitionKey(string instanceId)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var key = Sanitize(instanceId);
        if (key.Length > MaxInstanceKeyLength)
        {
            throw new ArgumentException($"Instance id is too long to be a table key ({key.Length} > {MaxInstanceKeyLength} characters after escaping).", nameof(instanceId));
        }

        return key;
    }

    /// <summary>A deterministic key fragment for a message id: the sanitized id, or for very long ids a prefix plus a hash
    /// (the original id is always stored in a property, so the key only has to be unique and repeatable).</summary>
    public static string MessageKey(string messageId)
    {
        var key = Sanitize(messageId);
        if (key.Length <= MaxMessageKeyLength)
        {
            return key;
        }

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(messageId)));
        return string.Create(CultureInfo.InvariantCulture, $"{key[..80]}~{hash}");
    }
}
