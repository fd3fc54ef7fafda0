namespace ReviewWorkflow.Notifications.Email;

/// <summary>A file sent with an email, e.g. a calendar invitation (<c>invite.ics</c>, <c>text/calendar; method=REQUEST</c>).</summary>
/// <param name="FileName">Letters, digits, '.', '-' and '_' only (checked by <see cref="EmailValidation"/>).</param>
public sealed record EmailAttachment(string FileName, string ContentType, string Content);

/// <summary>A mailbox: an address and an optional display name.</summary>
public sealed record EmailRecipient(string Address, string? DisplayName = null);

/// <summary>
/// One email to one person, as the workflow's activities hand it over. Provider-neutral: the SendGrid sender and
/// the local outbox both take this.
/// </summary>
public sealed record EmailMessage
{
    public required EmailRecipient To { get; init; }

    /// <summary>Single line; CR and LF are refused (header injection).</summary>
    public required string Subject { get; init; }

    public required string HtmlBody { get; init; }

    public required string TextBody { get; init; }

    /// <summary>SendGrid categories (at most 10, ASCII), echoed back in webhook events.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Echoed back as top-level keys of webhook events, e.g. <c>cycleId</c>, <c>consulteeId</c>, <c>requestId</c>.</summary>
    public IReadOnlyDictionary<string, string> CustomArgs { get; init; } = new Dictionary<string, string>();

    /// <summary>Files sent with the message (text content, e.g. iCalendar); none by default.</summary>
    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];

    /// <summary>
    /// Stable across retries of the activity that sends this message (e.g. <c>consultation-request/{requestId}</c>).
    /// A second send with the same key sends nothing and returns the first result.
    /// </summary>
    public required string IdempotencyKey { get; init; }
}
