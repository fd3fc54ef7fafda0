using System.Net.Http.Headers;

namespace ReviewWorkflow.Notifications.SendGrid;

/// <summary>How long SendGrid asked us to wait (<c>Retry-After</c>, as seconds or as a date), or null.</summary>
internal static class SendGridRetryAfter
{
    public static TimeSpan? Read(HttpResponseHeaders headers, DateTimeOffset now)
    {
        var header = headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>Exponential backoff when SendGrid gives no Retry-After: <see cref="EmailOptions.RetryDelay"/> doubled per
    /// attempt, capped at <see cref="EmailOptions.MaxRetryDelay"/>.</summary>
    public static TimeSpan Backoff(EmailOptions options, int attempt)
    {
        var delay = options.RetryDelay * Math.Pow(2, attempt - 1);
        return delay > options.MaxRetryDelay ? options.MaxRetryDelay : delay;
    }

    /// <summary>429 and 5xx may succeed later; every other status will not.</summary>
    public static bool IsRetryable(System.Net.HttpStatusCode status) => (int)status is 429 or >= 500;
}
