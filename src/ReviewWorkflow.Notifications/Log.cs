using Microsoft.Extensions.Logging;

namespace ReviewWorkflow.Notifications;

/// <summary>Source-generated log messages of the notifications project (event ids 4100-4199). No secrets, no bodies.</summary>
internal static partial class Log
{
    [LoggerMessage(4100, LogLevel.Information, "Email {IdempotencyKey} already sent (provider message {ProviderMessageId}); not sending again")]
    public static partial void AlreadySent(ILogger logger, string idempotencyKey, string? providerMessageId);

    [LoggerMessage(4101, LogLevel.Information, "SendGrid accepted email {IdempotencyKey} as {ProviderMessageId} ({StatusCode})")]
    public static partial void SendGridAccepted(ILogger logger, string idempotencyKey, string? providerMessageId, int statusCode);

    /// <remarks>Logged by the HTTP handler, which does not know the email: the sender's log scope carries its idempotency key.</remarks>
    [LoggerMessage(4102, LogLevel.Warning, "SendGrid answered {StatusCode} (attempt {Attempt}); retrying in {Delay}")]
    public static partial void SendGridRetrying(ILogger logger, int statusCode, int attempt, TimeSpan delay);

    [LoggerMessage(4103, LogLevel.Error, "SendGrid refused email {IdempotencyKey}: {StatusCode} {Problem}")]
    public static partial void SendGridRefused(ILogger logger, string idempotencyKey, int statusCode, string problem);

    [LoggerMessage(4106, LogLevel.Warning, "SendGrid could not be reached (attempt {Attempt}); retrying in {Delay}")]
    public static partial void SendGridUnreachable(ILogger logger, int attempt, TimeSpan delay, Exception exception);

    [LoggerMessage(4107, LogLevel.Warning, "SendGrid still answered {StatusCode} to email {IdempotencyKey}; giving up for now (transient)")]
    public static partial void SendGridGaveUp(ILogger logger, string idempotencyKey, int statusCode);

    [LoggerMessage(4104, LogLevel.Information, "Email {IdempotencyKey} written to the local outbox as {MessageId}")]
    public static partial void OutboxWritten(ILogger logger, string idempotencyKey, string messageId);

    [LoggerMessage(4105, LogLevel.Warning, "Skipping unreadable outbox file {FileName}")]
    public static partial void OutboxFileUnreadable(ILogger logger, string fileName, Exception exception);

    [LoggerMessage(4110, LogLevel.Warning, "SendGrid webhook refused: {Reason}")]
    public static partial void WebhookRejected(ILogger logger, string reason);

    [LoggerMessage(4111, LogLevel.Information, "SendGrid webhook: {Count} events, {New} new")]
    public static partial void WebhookAccepted(ILogger logger, int count, int @new);

    [LoggerMessage(4112, LogLevel.Error, "SendGrid webhook cannot be verified: Email:WebhookPublicKey is not configured or invalid")]
    public static partial void WebhookNotConfigured(ILogger logger);
}
