using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReviewWorkflow.Notifications.SendGrid;
using ReviewWorkflow.Notifications.Tests.Infrastructure;

namespace ReviewWorkflow.Notifications.Tests.SendGrid;

internal static class SendGridSenderFixture
{
    public const string ApiKey = "SG.test-key-not-a-secret";

    public static EmailOptions Options(Uri baseAddress) => new()
    {
        SendGridApiKey = ApiKey,
        FromAddress = "strategy.reviews@council.example",
        FromName = "Children's Services Reviews",
        ReplyTo = "strategy.team@council.example",
        SandboxMode = true,
        BaseUrl = baseAddress.ToString(),
        RetryDelay = TimeSpan.FromMilliseconds(10),
    };

    public static SendGridEmailSender Create(Uri baseAddress, RecordingTimeProvider time, HttpClient http, Action<EmailOptions>? configure = null)
    {
        var options = Options(baseAddress);
        configure?.Invoke(options);
        return new SendGridEmailSender(http, Microsoft.Extensions.Options.Options.Create(options), time, NullLogger<SendGridEmailSender>.Instance);
    }
}
