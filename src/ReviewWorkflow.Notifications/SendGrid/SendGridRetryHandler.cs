using System.Net.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ReviewWorkflow.Notifications.SendGrid;

/// <summary>
/// The retry and timeout policy of the SendGrid <see cref="HttpClient"/> (the <c>IHttpClientFactory</c> client the
/// SDK's <c>SendGridClient</c> sends through): 429 and 5xx are retried up to <see cref="EmailOptions.MaxAttempts"/>
/// with exponential backoff, honouring <c>Retry-After</c>; other 4xx are returned at once; each attempt has
/// <see cref="EmailOptions.RequestTimeout"/>.
/// </summary>
/// <remarks>
/// Ours because the SDK's own <c>ReliabilitySettings</c>/<c>RetryDelegatingHandler</c> does not fit: it is only
/// installed when the SDK creates its own <see cref="HttpClient"/> (not with the <see cref="HttpClient"/> constructor
/// used here), it never retries 429, ignores <c>Retry-After</c>, has no per-attempt timeout, retries a timed-out
/// request (which SendGrid may have accepted) and waits on the wall clock.
/// <para>A Retry-After longer than <see cref="EmailOptions.MaxRetryDelay"/> is not waited for: the response goes back to
/// the sender, which fails as transient so the durable activity retries later. A timed-out attempt is not retried
/// either (SendGrid may have accepted it): it surfaces as a <see cref="TimeoutException"/>. Only connection failures
/// that happened before anything was sent are retried.</para>
/// </remarks>
internal sealed class SendGridRetryHandler(IOptionsMonitor<EmailOptions> options, TimeProvider time, ILogger<SendGridRetryHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var attempts = Math.Max(1, settings.MaxAttempts);
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                response = await SendOnceAsync(request, settings.RequestTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex) when (attempt < attempts && NothingWasSent(ex))
            {
                var backoff = SendGridRetryAfter.Backoff(settings, attempt);
                Log.SendGridUnreachable(logger, attempt, backoff, ex);
                await Task.Delay(backoff, time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (!SendGridRetryAfter.IsRetryable(response.StatusCode) || attempt >= attempts)
            {
                return response;
            }

            var retryAfter = SendGridRetryAfter.Read(response.Headers, time.GetUtcNow());
            if (retryAfter > settings.MaxRetryDelay)
            {
                return response;
            }

            var delay = retryAfter ?? SendGridRetryAfter.Backoff(settings, attempt);
            Log.SendGridRetrying(logger, (int)response.StatusCode, attempt, delay);
            response.Dispose();
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One attempt, its body read within the timeout too.</summary>
    private async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // The wall clock, not the TimeProvider: a network timeout is about real time even when tests move the app's clock.
        using var attemptToken = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attemptToken.CancelAfter(timeout);
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, attemptToken.Token).ConfigureAwait(false);
            await response.Content.LoadIntoBufferAsync(attemptToken.Token).ConfigureAwait(false);
            return response;
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            response?.Dispose();
            throw new TimeoutException($"SendGrid did not answer within {timeout} (Email:RequestTimeout); the message may or may not have been accepted.", ex);
        }
        catch
        {
            response?.Dispose();
            throw;
        }
    }

    /// <summary>Failures before the request left (refused connection, DNS, TLS): retrying cannot send it twice.</summary>
    private static bool NothingWasSent(HttpRequestException ex)
        => ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError;
}
