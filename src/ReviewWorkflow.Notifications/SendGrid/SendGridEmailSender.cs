using System.Net;
using global::SendGrid;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReviewWorkflow.Notifications.Email;

namespace ReviewWorkflow.Notifications.SendGrid;

/// <summary>
/// Sends through the SendGrid SDK (<see cref="ISendGridClient"/>, on the <c>IHttpClientFactory</c> client whose
/// <see cref="SendGridRetryHandler"/> retries 429/5xx) and turns SendGrid's answer into a result or a clear exception.
/// Not idempotent by itself: <c>AddReviewWorkflowEmail</c> wraps it in <see cref="IdempotentEmailSender"/>.
/// </summary>
public sealed class SendGridEmailSender : IEmailSender
{
    public const string ProviderName = "SendGrid";

    private readonly ISendGridClient _client;
    private readonly EmailOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SendGridEmailSender> _logger;

    public SendGridEmailSender(ISendGridClient client, IOptions<EmailOptions> options, TimeProvider time, ILogger<SendGridEmailSender> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        EmailValidation.Validate(message);
        if (string.IsNullOrWhiteSpace(_options.FromAddress))
        {
            throw new EmailConfigurationException("Email:FromAddress is empty; SendGrid needs a verified sender address.");
        }

        var mail = SendGridMessageFactory.Create(message, _options);
        Response response;
        using (_logger.BeginScope("Email {IdempotencyKey}", message.IdempotencyKey))
        {
            try
            {
                response = await _client.SendEmailAsync(mail, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException ex)
            {
                throw new EmailSendException(ex.Message, null, isTransient: true, innerException: ex);
            }
            catch (HttpRequestException ex)
            {
                throw new EmailSendException($"SendGrid could not be reached ({_options.MaxAttempts} attempts at most): {ex.Message}", null, isTransient: true, innerException: ex);
            }
        }

        using var body = response.Body;
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            // Absent in sandbox mode.
            var messageId = response.Headers.TryGetValues("X-Message-Id", out var ids) ? ids.FirstOrDefault() : null;
            Log.SendGridAccepted(_logger, message.IdempotencyKey, messageId, status);
            return new EmailSendResult(messageId, ProviderName, _time.GetUtcNow());
        }

        if (SendGridRetryAfter.IsRetryable(response.StatusCode))
        {
            var retryAfter = SendGridRetryAfter.Read(response.Headers, _time.GetUtcNow());
            Log.SendGridGaveUp(_logger, message.IdempotencyKey, status);
            throw retryAfter > _options.MaxRetryDelay
                ? new EmailSendException(
                    $"SendGrid answered {status} {response.StatusCode} and asked to wait {retryAfter}, longer than Email:MaxRetryDelay ({_options.MaxRetryDelay}).",
                    response.StatusCode, isTransient: true, retryAfter)
                : new EmailSendException(
                    $"SendGrid answered {status} {response.StatusCode} to all {Math.Max(1, _options.MaxAttempts)} attempts (Email:MaxAttempts).",
                    response.StatusCode, isTransient: true, retryAfter);
        }

        var errors = await SendGridErrors.ReadAsync(body, cancellationToken).ConfigureAwait(false);
        var detail = SendGridErrors.Describe(errors);
        Log.SendGridRefused(_logger, message.IdempotencyKey, status, detail);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new EmailConfigurationException(
                $"SendGrid refused the request with {status} {response.StatusCode}: check Email:SendGridApiKey (a valid key with the mail.send scope) " +
                $"and that Email:FromAddress is a verified sender. SendGrid said: {detail}", response.StatusCode);
        }

        throw new EmailRejectedException($"SendGrid rejected the message ({status} {response.StatusCode}): {detail}", response.StatusCode, errors);
    }
}
