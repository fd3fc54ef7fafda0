namespace ReviewWorkflow.Notifications;

/// <summary>Configuration section <c>Email</c> (environment: <c>Email__SendGridApiKey</c>, ...).</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    /// <summary>SendGrid's global API host.</summary>
    public const string SendGridGlobalBaseUrl = "https://api.sendgrid.com";

    /// <summary>SendGrid's EU regional API host (for subusers pinned to the EU region).</summary>
    public const string SendGridEuBaseUrl = "https://api.eu.sendgrid.com";

    /// <summary>SendGrid API key with the mail.send scope. Empty: messages go to the local outbox. A secret:
    /// Key Vault reference in Azure, git-ignored local.settings.json locally; never logged.</summary>
    public string? SendGridApiKey { get; set; }

    /// <summary>Verified sender address (required with SendGrid).</summary>
    public string? FromAddress { get; set; }

    public string? FromName { get; set; }

    /// <summary>Where replies go (e.g. the strategy team's shared mailbox). Optional.</summary>
    public string? ReplyTo { get; set; }

    /// <summary>SendGrid validates the request but delivers nothing (answers 200).</summary>
    public bool SandboxMode { get; set; }

    /// <summary><see cref="SendGridGlobalBaseUrl"/> or <see cref="SendGridEuBaseUrl"/>: the SDK's <c>SendGridClientOptions.Host</c>.</summary>
    public string BaseUrl { get; set; } = SendGridGlobalBaseUrl;

    /// <summary>The signed Event Webhook's verification key: Base64 DER SubjectPublicKeyInfo (ECDSA P-256), as
    /// SendGrid shows it in Settings > Mail Settings > Event Webhook.</summary>
    public string? WebhookPublicKey { get; set; }

    /// <summary>How old (or how far in the future) a webhook timestamp may be.</summary>
    public TimeSpan WebhookTolerance { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Largest webhook body accepted; larger gets 413.</summary>
    public int WebhookMaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Local outbox folder; relative paths are under the content root.</summary>
    public string OutboxPath { get; set; } = Path.Combine(".local", "outbox");

    /// <summary>Attempts per send on 429/5xx/refused connection (first try included), by <c>SendGridRetryHandler</c>.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>First backoff delay when SendGrid gives no Retry-After; doubles per attempt.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest single wait. A Retry-After longer than this is not waited for: the send fails as transient
    /// with <see cref="Email.EmailSendException.RetryAfter"/> set, so the durable activity can retry on a timer.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Per-request timeout.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    internal bool UsesSendGrid => !string.IsNullOrWhiteSpace(SendGridApiKey);
}
