namespace ReviewWorkflow.Workflow.Domain;

/// <summary>A deliberately plain email check: what mail actually gets delivered to, not every RFC 5322 oddity.</summary>
public static class EmailAddress
{
    public const int MaxLength = 254;

    /// <summary>The form used to compare addresses: trimmed, lower case.</summary>
    public static string Normalise(string email) => (email ?? "").Trim().ToLowerInvariant();

    public static bool IsValid(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > MaxLength || email != email.Trim())
        {
            return false;
        }

        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != email.LastIndexOf('@') || at > 64)
        {
            return false;
        }

        var local = email[..at];
        var domain = email[(at + 1)..];
        return IsValidLocal(local) && IsValidDomain(domain);
    }

    private static bool IsValidLocal(string local) =>
        !local.StartsWith('.') && !local.EndsWith('.') && !local.Contains("..", StringComparison.Ordinal)
        && local.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+/=?^_`{|}~.-".Contains(c, StringComparison.Ordinal));

    private static bool IsValidDomain(string domain)
    {
        var labels = domain.Split('.');
        return labels.Length >= 2
               && labels.All(l => l.Length is > 0 and <= 63 && !l.StartsWith('-') && !l.EndsWith('-') && l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
               && !labels[^1].All(char.IsAsciiDigit);
    }
}
