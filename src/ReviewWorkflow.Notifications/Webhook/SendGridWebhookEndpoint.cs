using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SendGrid.Helpers.EventWebhook;

namespace ReviewWorkflow.Notifications.Webhook;

/// <summary>Maps SendGrid's signed Event Webhook.</summary>
public static class SendGridWebhookEndpoint
{
    /// <summary>
    /// <c>POST {path}</c>: reads the raw body (over <see cref="EmailOptions.WebhookMaxBodyBytes"/>: 413), checks the
    /// headers and timestamp and, with the SDK's <see cref="RequestValidator"/>, the signature (<see cref="SendGridWebhookCheck"/>;
    /// bad, missing or stale: 401), parses the events (malformed: 400), drops events already handled
    /// (<see cref="IWebhookEventDeduplicator"/>) and calls <paramref name="handler"/> with the new ones, then answers 200.
    /// Bad input never reaches the handler. If the handler throws, the claims are released and the request fails (500),
    /// so SendGrid's retry is handled again. No verification key configured: 503.
    /// </summary>
    public static RouteHandlerBuilder MapSendGridWebhook(this IEndpointRouteBuilder endpoints, string path, Func<IReadOnlyList<DeliveryEvent>, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return endpoints.MapSendGridWebhook(path, (events, _, _) => handler(events));
    }

    /// <inheritdoc cref="MapSendGridWebhook(IEndpointRouteBuilder, string, Func{IReadOnlyList{DeliveryEvent}, Task})"/>
    /// <remarks>This overload passes the request's services and cancellation token to the handler.</remarks>
    public static RouteHandlerBuilder MapSendGridWebhook(
        this IEndpointRouteBuilder endpoints, string path, Func<IReadOnlyList<DeliveryEvent>, IServiceProvider, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(handler);
        var services = endpoints.ServiceProvider;
        var verifier = new Lazy<SendGridWebhookCheck?>(() => CreateCheck(services), LazyThreadSafetyMode.ExecutionAndPublication);

        return endpoints.MapPost(path, async (HttpContext context) =>
        {
            var options = context.RequestServices.GetRequiredService<IOptions<EmailOptions>>().Value;
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SendGridWebhookEndpoint).FullName!);

            var body = await ReadBodyAsync(context.Request, options.WebhookMaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
            if (body is null)
            {
                Log.WebhookRejected(logger, "body too large");
                return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Webhook body too large",
                    detail: $"The body is larger than {options.WebhookMaxBodyBytes} bytes.");
            }

            if (verifier.Value is not { } v)
            {
                Log.WebhookNotConfigured(logger);
                return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Webhook verification is not configured");
            }

            var status = v.Verify(
                context.Request.Headers[RequestValidator.SIGNATURE_HEADER].ToString(),
                context.Request.Headers[RequestValidator.TIMESTAMP_HEADER].ToString(),
                body);
            if (status != WebhookVerificationStatus.Valid)
            {
                Log.WebhookRejected(logger, status.ToString());
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Webhook signature not accepted", detail: Describe(status));
            }

            IReadOnlyList<DeliveryEvent> events;
            try
            {
                events = SendGridEventParser.Parse(body);
            }
            catch (SendGridEventFormatException ex)
            {
                Log.WebhookRejected(logger, ex.Message);
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed webhook body", detail: ex.Message);
            }

            var deduplicator = context.RequestServices.GetRequiredService<IWebhookEventDeduplicator>();
            var fresh = new List<DeliveryEvent>(events.Count);
            try
            {
                foreach (var e in events)
                {
                    if (await deduplicator.TryClaimAsync(e.DeduplicationKey, context.RequestAborted).ConfigureAwait(false))
                    {
                        fresh.Add(e);
                    }
                }

                if (fresh.Count > 0)
                {
                    await handler(fresh, context.RequestServices, context.RequestAborted).ConfigureAwait(false);
                }
            }
            catch
            {
                foreach (var e in fresh)
                {
                    await deduplicator.ReleaseAsync(e.DeduplicationKey, CancellationToken.None).ConfigureAwait(false);
                }

                throw;
            }

            Log.WebhookAccepted(logger, events.Count, fresh.Count);
            return Results.Ok();
        });
    }

    private static SendGridWebhookCheck? CreateCheck(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<EmailOptions>>().Value;
        if (string.IsNullOrWhiteSpace(options.WebhookPublicKey))
        {
            return null;
        }

        try
        {
            return new SendGridWebhookCheck(options.WebhookPublicKey, options.WebhookTolerance, services.GetService<TimeProvider>() ?? TimeProvider.System);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string Describe(WebhookVerificationStatus status) => status switch
    {
        WebhookVerificationStatus.MissingSignature => $"The {RequestValidator.SIGNATURE_HEADER} header is missing.",
        WebhookVerificationStatus.MissingTimestamp => $"The {RequestValidator.TIMESTAMP_HEADER} header is missing.",
        WebhookVerificationStatus.MalformedSignature => "The signature is not a Base64 DER ECDSA signature.",
        WebhookVerificationStatus.MalformedTimestamp => "The timestamp is not a Unix time in seconds.",
        WebhookVerificationStatus.StaleTimestamp => "The timestamp is outside the accepted window.",
        _ => "The signature does not match the body and timestamp.",
    };

    /// <summary>The raw body, or null if it is larger than <paramref name="limit"/>.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
