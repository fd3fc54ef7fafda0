using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReviewWorkflow.Notifications.Email;

namespace ReviewWorkflow.Notifications.SendGrid;

/// <summary>
/// SendGrid v3 <c>POST {BaseUrl}/v3/mail/send</c> on a typed <see cref="HttpClient"/>. Not idempotent by itself:
/// <c>AddReviewWorkflowEmail</c> wraps it in <see cref="IdempotentEmailSender"/>.
/// </summary>
/// <remarks>
/// Retries 429, 5xx and connection failures with backoff, honouring Retry-After, up to
/// <see cref="EmailOptions.MaxAttempts"/>; never retries other 4xx. A request that times out is not retried here
/// (SendGrid may have accepted it); it fails as transient and the caller's retry goes through the ledger again.
/// </remarks>
public sealed class SendGridEmailSender : IEmailSender
{
    public const string ProviderName = "SendGrid";

    private readonly HttpClient _http;
    private readonly EmailOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SendGridEmailSender> _logger;

    public SendGridEmailSender(HttpClient http, IOptions<EmailOptions> options, TimeProvider time, ILogger<SendGridEmailSender> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        EmailValidation.Validate(message);
        ValidateOptions(_options);
        var body = SendGridMailRequest.Build(message, _options);
        var endpoint = new Uri(new Uri(_options.BaseUrl.TrimEnd('/') + "/", UriKind.Absolute), "v3/mail/send");
        var attempts = Math.Max(1, _options.MaxAttempts);

        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage response;
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
            {
                Content = JsonContent.Create(body),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.SendGridApiKey);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.RequestTimeout);
            try
            {
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            }
            catch (HttpRequestException ex) when (attempt < attempts)
            {
                var delay = Backoff(attempt);
                Log.SendGridRetrying(_logger, ex.StatusCode, message.IdempotencyKey, attempt, delay);
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (HttpRequestException ex)
            {
                throw new EmailSendException($"SendGrid could not be reached after {attempt} attempts: {ex.Message}", null, isTransient: true, innerException: ex);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new EmailSendException($"SendGrid did not answer within {_options.RequestTimeout}; the message may or may not have been accepted.", null, isTransient: true, innerException: ex);
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    var messageId = response.Headers.TryGetValues("X-Message-Id", out var ids) ? ids.FirstOrDefault() : null;
                    Log.SendGridAccepted(_logger, message.IdempotencyKey, messageId, status);
                    return new EmailSendResult(messageId, ProviderName, _time.GetUtcNow());
                }

                if (status == 429 || status >= 500)
                {
                    var retryAfter = RetryAfter(response);
                    if (retryAfter > _options.MaxRetryDelay)
                    {
                        throw new EmailSendException(
                            $"SendGrid answered {status} {response.StatusCode} and asked to wait {retryAfter}, longer than Email:MaxRetryDelay ({_options.MaxRetryDelay}).",
                            response.StatusCode, isTransient: true, retryAfter);
                    }

                    if (attempt >= attempts)
                    {
                        throw new EmailSendException($"SendGrid answered {status} {response.StatusCode} to all {attempt} attempts.", response.StatusCode, isTransient: true, retryAfter);
                    }

                    var delay = retryAfter ?? Backoff(attempt);
                    Log.SendGridRetrying(_logger, response.StatusCode, message.IdempotencyKey, attempt, delay);
                    await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var errors = await ReadErrorsAsync(response, cancellationToken).ConfigureAwait(false);
                var detail = errors.Count == 0 ? "no details given" : string.Join("; ", errors.Select(e => e.Field is null ? e.Message : $"{e.Field}: {e.Message}"));
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
    }

    private TimeSpan Backoff(int attempt)
    {
        var delay = _options.RetryDelay * Math.Pow(2, attempt - 1);
        return delay > _options.MaxRetryDelay ? _options.MaxRetryDelay : delay;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static async Task<IReadOnlyList<EmailProviderError>> ReadErrorsAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrWhiteSpace(text))
            {
                return [];
            }

            using var document = JsonDocument.Parse(text);
            if (!document.RootElement.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            var list = new List<EmailProviderError>();
            foreach (var error in errors.EnumerateArray())
            {
                if (error.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                var field = error.TryGetProperty("field", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
                var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                list.Add(new EmailProviderError(field, message ?? "(no message)"));
            }

            return list;
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static void ValidateOptions(EmailOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.SendGridApiKey))
        {
            throw new EmailConfigurationException("Email:SendGridApiKey is empty; the SendGrid sender cannot be used without it.");
        }

        if (string.IsNullOrWhiteSpace(options.FromAddress))
        {
            throw new EmailConfigurationException("Email:FromAddress is empty; SendGrid needs a verified sender address.");
        }

        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new EmailConfigurationException($"Email:BaseUrl '{options.BaseUrl}' is not an absolute http(s) URL.");
        }
    }
}
