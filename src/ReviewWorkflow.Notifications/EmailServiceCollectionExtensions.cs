using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using global::SendGrid;
using ReviewWorkflow.Notifications.Email;
using ReviewWorkflow.Notifications.Outbox;
using ReviewWorkflow.Notifications.SendGrid;
using ReviewWorkflow.Notifications.Webhook;

namespace ReviewWorkflow.Notifications;

public static class EmailServiceCollectionExtensions
{
    /// <summary>Name of the <c>IHttpClientFactory</c> client SendGrid is called through.</summary>
    public const string SendGridHttpClientName = "SendGrid";

    /// <summary>
    /// Binds section <c>Email</c> and registers <see cref="IEmailSender"/> (idempotent per key): SendGrid when
    /// <c>Email:SendGridApiKey</c> is set, otherwise the local outbox (then <see cref="IOutbox"/> is registered too).
    /// Also registers in-memory <see cref="IEmailSendLedger"/> and <see cref="IWebhookEventDeduplicator"/> unless
    /// durable ones were registered first.
    /// </summary>
    public static IServiceCollection AddReviewWorkflowEmail(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(EmailOptions.SectionName);
        services.AddOptions<EmailOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IEmailSendLedger, InMemoryEmailSendLedger>();
        services.TryAddSingleton<IWebhookEventDeduplicator, InMemoryWebhookEventDeduplicator>();

        var options = section.Get<EmailOptions>() ?? new EmailOptions();
        if (options.UsesSendGrid)
        {
            services.AddSendGridClient();
            services.AddTransient<SendGridEmailSender>();
            services.AddTransient<IEmailSender>(sp => new IdempotentEmailSender(
                sp.GetRequiredService<SendGridEmailSender>(),
                sp.GetRequiredService<IEmailSendLedger>(),
                sp.GetRequiredService<ILogger<IdempotentEmailSender>>()));
        }
        else
        {
            services.AddSingleton(sp =>
            {
                var path = sp.GetRequiredService<IOptions<EmailOptions>>().Value.OutboxPath;
                var root = sp.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
                return new LocalOutboxEmailSender(
                    Path.Combine(root, path),
                    sp.GetRequiredService<TimeProvider>(),
                    sp.GetRequiredService<ILogger<LocalOutboxEmailSender>>());
            });
            services.AddSingleton<IOutbox>(sp => sp.GetRequiredService<LocalOutboxEmailSender>());
            services.AddSingleton<IEmailSender>(sp => new IdempotentEmailSender(
                sp.GetRequiredService<LocalOutboxEmailSender>(),
                sp.GetRequiredService<IEmailSendLedger>(),
                sp.GetRequiredService<ILogger<IdempotentEmailSender>>()));
        }

        return services;
    }

    /// <summary>The SDK's <see cref="SendGridClient"/> (as <see cref="ISendGridClient"/>) on the <see cref="SendGridHttpClientName"/>
    /// factory client, whose <see cref="SendGridRetryHandler"/> applies Email:MaxAttempts, RetryDelay, MaxRetryDelay and
    /// RequestTimeout.</summary>
    private static void AddSendGridClient(this IServiceCollection services)
    {
        services.TryAddTransient<SendGridRetryHandler>();
        services.AddHttpClient(SendGridHttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan) // per attempt: the handler
            .AddHttpMessageHandler<SendGridRetryHandler>()
            .AddTypedClient<ISendGridClient>((http, sp) =>
            {
                var email = sp.GetRequiredService<IOptions<EmailOptions>>().Value;

                // The HttpClient constructor: the SDK then sends through the factory's pipeline, and its own
                // ReliabilitySettings are not used (SendGridRetryHandler explains why they would not do).
                return new SendGridClient(http, new SendGridClientOptions { ApiKey = email.SendGridApiKey, Host = email.BaseUrl });
            });
    }
}
