using ReviewWorkflow.Notifications.Webhook;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Hosting;

namespace ReviewWorkflow.App.Hosting;

/// <summary>
/// The review-cycle workflow in the app: its services (<see cref="ReviewCycleService"/>, audit, responses, Table Storage
/// email ledger and webhook deduplicator, consultee links), its orchestrators and activities on the Durable Task
/// Framework over Azure Storage (section <c>Durable</c>; the worker is embedded unless <c>Durable:WorkerEnabled</c> is
/// false), and SendGrid's Event Webhook.
/// </summary>
public static partial class ReviewCycleHostingExtensions
{
    /// <summary>Where SendGrid posts delivery events (configure this URL in SendGrid's Event Webhook settings).</summary>
    public const string SendGridWebhookPath = ReviewWorkflow.Web.WebhookPaths.SendGrid;

    /// <summary>
    /// Registers storage, the workflow (section <c>Workflow</c>), email, the directory and the Durable Task worker and
    /// client with the review cycle's tasks — <see cref="ReviewCycleRuntime.AddReviewCycleRuntime"/>, the same registration
    /// the worker-only process and the Azure Functions app use.
    /// </summary>
    public static IServiceCollection AddReviewCycle(this IServiceCollection services, IConfiguration configuration) =>
        services.AddReviewCycleRuntime(configuration);

    /// <summary>
    /// <c>POST /webhooks/sendgrid</c>: SendGrid's signed Event Webhook (signature checked with <c>Email:WebhookPublicKey</c>;
    /// bad or stale: 401, nothing changes; no key configured: 503). Each new bounce, block, drop or spam report becomes
    /// <see cref="ReviewCycleService.FlagBounceAsync"/>: the consultee is flagged and the lead told. Anonymous to the app's
    /// authentication: the signature is the authentication.
    /// </summary>
    public static IEndpointRouteBuilder MapReviewCycleWebhooks(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapSendGridWebhook(SendGridWebhookPath, HandleDeliveryEventsAsync)
            .AllowAnonymous()
            .WithName("SendGridEventWebhook")
            .WithSummary("SendGrid Event Webhook: bounces and drops flag the consultee and notify the lead.");
        return endpoints;
    }

    internal static async Task HandleDeliveryEventsAsync(IReadOnlyList<DeliveryEvent> events, IServiceProvider services, CancellationToken cancellationToken)
    {
        var cycles = services.GetRequiredService<ReviewCycleService>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ReviewCycleHostingExtensions).FullName!);
        foreach (var e in events)
        {
            if (e.ToDeliveryProblem() is not { } problem)
            {
                continue;
            }

            // A throw here fails the request (500) and releases the events' claims, so SendGrid's retry is handled again;
            // the façade's idempotency key (the event id) keeps a retried flag from acting twice.
            var result = await cycles.FlagBounceAsync(problem, cancellationToken).ConfigureAwait(false);
            if (result.Succeeded)
            {
                LogBounceFlagged(logger, problem.Kind, problem.CycleId, problem.ConsulteeId, result.Kind);
            }
            else
            {
                LogBounceNotApplied(logger, problem.Kind, problem.CycleId, result.Kind, string.Join("; ", result.Errors.Select(x => x.Message)));
            }
        }
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Delivery problem {Kind} flagged on cycle {CycleId} for consultee {ConsulteeId} ({Result}).")]
    private static partial void LogBounceFlagged(ILogger logger, DeliveryProblemKind kind, string? cycleId, string? consulteeId, CycleResultKind result);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning, Message = "Delivery problem {Kind} for cycle {CycleId} not applied ({Result}): {Reason}")]
    private static partial void LogBounceNotApplied(ILogger logger, DeliveryProblemKind kind, string? cycleId, CycleResultKind result, string reason);
}
