using System.Net;

namespace ReviewWorkflow.Notifications.Email;

/// <summary>A send failed. <see cref="IsTransient"/> tells a durable activity whether retrying later can help.</summary>
public class EmailSendException : Exception
{
    public EmailSendException() { }

    public EmailSendException(string message) : base(message) { }

    public EmailSendException(string message, Exception innerException) : base(message, innerException) { }

    public EmailSendException(string message, HttpStatusCode? statusCode, bool isTransient, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        IsTransient = isTransient;
        RetryAfter = retryAfter;
    }

    public HttpStatusCode? StatusCode { get; }

    public bool IsTransient { get; }

    /// <summary>The provider's Retry-After, when it asked for a longer wait than the sender is allowed to block for.</summary>
    public TimeSpan? RetryAfter { get; }
}

/// <summary>The provider rejected the message itself (SendGrid 400/413/other 4xx): retrying the same message will not help.</summary>
public sealed class EmailRejectedException : EmailSendException
{
    public EmailRejectedException() { }

    public EmailRejectedException(string message) : base(message) { }

    public EmailRejectedException(string message, Exception innerException) : base(message, innerException) { }

    public EmailRejectedException(string message, HttpStatusCode statusCode, IReadOnlyList<EmailProviderError> errors)
        : base(message, statusCode, isTransient: false) => Errors = errors;

    /// <summary>SendGrid's <c>errors[]</c>: which field and what is wrong with it.</summary>
    public IReadOnlyList<EmailProviderError> Errors { get; } = [];
}

/// <summary>The email settings are wrong (SendGrid 401/403: bad or revoked key, key without mail.send, unverified sender).</summary>
public sealed class EmailConfigurationException : EmailSendException
{
    public EmailConfigurationException() { }

    public EmailConfigurationException(string message) : base(message) { }

    public EmailConfigurationException(string message, Exception innerException) : base(message, innerException) { }

    public EmailConfigurationException(string message, HttpStatusCode statusCode) : base(message, statusCode, isTransient: false) { }
}

/// <summary>One entry of SendGrid's <c>errors[]</c>.</summary>
public sealed record EmailProviderError(string? Field, string Message);
