using System.Net.Mail;
using System.Text;

namespace ReviewWorkflow.Notifications.Email;

/// <summary>Checks every value that ends up in a mail header, before anything is sent or written.</summary>
public static class EmailValidation
{
    /// <summary>SendGrid's limit on categories per message.</summary>
    public const int MaxCategories = 10;

    /// <summary>SendGrid's limit on the size of custom_args (bytes, as JSON).</summary>
    public const int MaxCustomArgsBytes = 10_000;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first problem with <paramref name="message"/>.</summary>
    public static void Validate(EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(message.To, nameof(message));
        ValidateAddress(message.To.Address, "To.Address");
        ValidateHeaderText(message.To.DisplayName, "To.DisplayName");
        if (string.IsNullOrWhiteSpace(message.Subject))
        {
            throw new ArgumentException("The email subject is empty.", nameof(message));
        }

        ValidateHeaderText(message.Subject, "Subject");
        if (string.IsNullOrWhiteSpace(message.TextBody) && string.IsNullOrWhiteSpace(message.HtmlBody))
        {
            throw new ArgumentException("The email has neither a text nor an HTML body.", nameof(message));
        }

        if (string.IsNullOrWhiteSpace(message.IdempotencyKey))
        {
            throw new ArgumentException("The email has no idempotency key; pass one that is stable across retries (e.g. the request id).", nameof(message));
        }

        foreach (var attachment in message.Attachments)
        {
            if (string.IsNullOrEmpty(attachment.FileName) || attachment.FileName.Length > 100
                || !attachment.FileName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            {
                throw new ArgumentException("An attachment's file name must be 1 to 100 letters, digits, '.', '-' or '_'.", nameof(message));
            }

            ValidateHeaderText(attachment.ContentType, "Attachment content type");
        }

        if (message.Categories.Count > MaxCategories)
        {
            throw new ArgumentException($"The email has {message.Categories.Count} categories; SendGrid allows at most {MaxCategories}.", nameof(message));
        }

        foreach (var category in message.Categories)
        {
            if (string.IsNullOrWhiteSpace(category) || category.Length > 255 || !Ascii.IsValid(category) || ContainsLineBreakOrControl(category))
            {
                throw new ArgumentException($"The category '{Printable(category)}' must be 1-255 printable ASCII characters.", nameof(message));
            }
        }

        var customArgsBytes = 2;
        foreach (var (key, value) in message.CustomArgs)
        {
            if (string.IsNullOrWhiteSpace(key) || ContainsLineBreakOrControl(key) || value is null || ContainsLineBreakOrControl(value))
            {
                throw new ArgumentException($"The custom argument '{Printable(key)}' has an empty key, a null value or control characters.", nameof(message));
            }

            customArgsBytes += Encoding.UTF8.GetByteCount(key) + Encoding.UTF8.GetByteCount(value) + 6;
        }

        if (customArgsBytes >= MaxCustomArgsBytes)
        {
            throw new ArgumentException($"The custom arguments take about {customArgsBytes} bytes; SendGrid allows fewer than {MaxCustomArgsBytes}.", nameof(message));
        }
    }

    /// <summary>Throws unless <paramref name="address"/> is one plain address (no display name, no list, no CR/LF).</summary>
    public static void ValidateAddress(string? address, string what)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            throw new ArgumentException($"{what} is empty; an email address is required.", what);
        }

        if (ContainsLineBreakOrControl(address))
        {
            throw new ArgumentException($"{what} contains a line break or control character.", what);
        }

        if (!MailAddress.TryCreate(address, out var parsed) || !string.Equals(parsed.Address, address.Trim(), StringComparison.Ordinal)
            || !string.IsNullOrEmpty(parsed.DisplayName))
        {
            throw new ArgumentException($"{what} '{Printable(address)}' is not a valid email address.", what);
        }
    }

    /// <summary>Throws if a header value (subject, display name) contains CR, LF or another control character.</summary>
    public static void ValidateHeaderText(string? value, string what)
    {
        if (value is not null && ContainsLineBreakOrControl(value))
        {
            throw new ArgumentException($"{what} contains a line break or control character, which could inject mail headers.", what);
        }
    }

    private static bool ContainsLineBreakOrControl(string value)
    {
        foreach (var c in value)
        {
            // Also U+2028/U+2029 and NEL, which some mail software treats as line breaks.
            if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085')
            {
                return true;
            }
        }

        return false;
    }

    private static string Printable(string? value)
    {
        if (value is null)
        {
            return "(null)";
        }

        var builder = new StringBuilder(Math.Min(value.Length, 80));
        foreach (var c in value.AsSpan(0, Math.Min(value.Length, 80)))
        {
            builder.Append(char.IsControl(c) ? '?' : c);
        }

        return builder.ToString();
    }
}
