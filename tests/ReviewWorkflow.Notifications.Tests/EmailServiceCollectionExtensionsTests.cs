using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReviewWorkflow.Notifications.Email;
using ReviewWorkflow.Notifications.Outbox;
using ReviewWorkflow.Notifications.SendGrid;
using SendGrid;

namespace ReviewWorkflow.Notifications.Tests;

public sealed class EmailServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings) => new ServiceCollection()
        .AddLogging()
        .AddReviewWorkflowEmail(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
        .BuildServiceProvider();

    [Fact]
    public void NoApiKey_RegistersTheLocalOutbox()
    {
        using var services = Build(new() { ["Email:OutboxPath"] = Path.Combine(Path.GetTempPath(), "rw-unused-outbox") });

        Assert.IsType<IdempotentEmailSender>(services.GetRequiredService<IEmailSender>());
        Assert.IsType<LocalOutboxEmailSender>(services.GetRequiredService<IOutbox>());
        Assert.Null(services.GetService<SendGridEmailSender>());
        Assert.Null(services.GetService<ISendGridClient>());
    }

    [Fact]
    public void ApiKey_RegistersSendGridAndBindsEveryKey()
    {
        using var services = Build(new()
        {
            ["Email:SendGridApiKey"] = "SG.x",
            ["Email:FromAddress"] = "reviews@council.example",
            ["Email:FromName"] = "Reviews",
            ["Email:ReplyTo"] = "team@council.example",
            ["Email:SandboxMode"] = "true",
            ["Email:BaseUrl"] = "https://api.eu.sendgrid.com",
            ["Email:WebhookTolerance"] = "00:05:00",
        });

        Assert.NotNull(services.GetRequiredService<SendGridEmailSender>());
        Assert.IsType<SendGridClient>(services.GetRequiredService<ISendGridClient>());
        Assert.Null(services.GetService<IOutbox>());
        var options = services.GetRequiredService<IOptions<EmailOptions>>().Value;
        Assert.True(options.SandboxMode);
        Assert.Equal(EmailOptions.SendGridEuBaseUrl, options.BaseUrl);
        Assert.Equal(TimeSpan.FromMinutes(5), options.WebhookTolerance);
        Assert.Equal("team@council.example", options.ReplyTo);
    }

    [Fact]
    public void ApiKeyWithoutFromAddress_FailsValidationWithAClearMessage()
    {
        using var services = Build(new() { ["Email:SendGridApiKey"] = "SG.x" });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<EmailOptions>>().Value);
        Assert.Contains("Email:FromAddress", ex.Message);
    }

    [Fact]
    public void InvalidWebhookKey_FailsValidation()
    {
        using var services = Build(new() { ["Email:WebhookPublicKey"] = "bm90IGEga2V5" });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<EmailOptions>>().Value);
        Assert.Contains("P-256", ex.Message);
    }
}
