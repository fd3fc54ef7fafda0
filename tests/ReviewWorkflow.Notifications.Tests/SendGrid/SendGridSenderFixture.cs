using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReviewWorkflow.Notifications.SendGrid;
using ReviewWorkflow.Notifications.Tests.Infrastructure;

namespace ReviewWorkflow.Notifications.Tests.SendGrid;

/// <summary>
/// The SendGrid sender exactly as <c>AddReviewWorkflowEmail</c> wires it (the SDK's SendGridClient on the factory
/// client with our retry handler), pointed at a local server standing in for SendGrid's API, on a clock whose
/// waits are recorded and return at once.
/// </summary>
internal sealed class SendGridSenderFixture : IAsyncDisposable
{
    public const string ApiKey = "SG.test-key-not-a-secret";

    private readonly ServiceProvider _services;

    private SendGridSenderFixture(ServiceProvider services) => _services = services;

    public SendGridEmailSender Sender => _services.GetRequiredService<SendGridEmailSender>();

    public static SendGridSenderFixture Create(Uri sendGrid, RecordingTimeProvider time, Dictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Email:SendGridApiKey"] = ApiKey,
            ["Email:FromAddress"] = "strategy.reviews@council.example",
            ["Email:FromName"] = "Children's Services Reviews",
            ["Email:ReplyTo"] = "strategy.team@council.example",
            ["Email:SandboxMode"] = "true",
            ["Email:BaseUrl"] = sendGrid.ToString(),
            ["Email:RetryDelay"] = "00:00:00.010",
        };
        foreach (var (key, value) in overrides ?? [])
        {
            settings[key] = value;
        }

        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(time)
            .AddReviewWorkflowEmail(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();
        return new SendGridSenderFixture(services);
    }

    /// <summary>What SendGrid answers to an accepted message.</summary>
    public static Task Accepted(HttpResponse response, string messageId = "msg-abc-123")
    {
        response.StatusCode = StatusCodes.Status202Accepted;
        response.Headers["X-Message-Id"] = messageId;
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
