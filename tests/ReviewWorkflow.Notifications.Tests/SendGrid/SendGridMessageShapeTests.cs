using System.Text.Json;
using ReviewWorkflow.Notifications.Tests.Infrastructure;
using ReviewWorkflow.Testing;

namespace ReviewWorkflow.Notifications.Tests.SendGrid;

/// <summary>What SendGrid receives for one of our messages, sent through the SDK.</summary>
public sealed class SendGridMessageShapeTests
{
    private readonly RecordingTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task SendAsync_Accepted_PostsOneMailSendWithOurFieldsAndKeepsTheMessageId()
    {
        await using var server = await LocalHttpServer.StartAsync((_, _, response) => SendGridSenderFixture.Accepted(response));
        await using var fixture = SendGridSenderFixture.Create(server.BaseAddress, _time);

        var result = await fixture.Sender.SendAsync(Messages.ConsultationRequest());

        Assert.Equal("msg-abc-123", result.ProviderMessageId);
        Assert.Equal("SendGrid", result.Provider);
        Assert.False(result.AlreadySent);
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v3/mail/send", request.Path);
        Assert.Equal("Bearer " + SendGridSenderFixture.ApiKey, request.Header("Authorization"));
        Assert.StartsWith("application/json", request.Header("Content-Type"));

        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        Assert.Equal(
            ["categories", "content", "custom_args", "from", "mail_settings", "personalizations", "reply_to", "tracking_settings"],
            root.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

        var personalization = Assert.Single(root.GetProperty("personalizations").EnumerateArray().ToArray());
        var to = Assert.Single(personalization.GetProperty("to").EnumerateArray().ToArray());
        Assert.Equal("sam.carer@carers.example", to.GetProperty("email").GetString());
        Assert.Equal("Sam Okafor", to.GetProperty("name").GetString());
        Assert.Equal("Have your say: Children in Care Pledge 2027", personalization.GetProperty("subject").GetString());

        Assert.Equal("strategy.reviews@council.example", root.GetProperty("from").GetProperty("email").GetString());
        Assert.Equal("Children's Services Reviews", root.GetProperty("from").GetProperty("name").GetString());
        Assert.Equal("strategy.team@council.example", root.GetProperty("reply_to").GetProperty("email").GetString());

        var content = root.GetProperty("content").EnumerateArray().ToArray();
        Assert.Equal(2, content.Length);
        Assert.Equal("text/plain", content[0].GetProperty("type").GetString());
        Assert.Equal(Messages.ConsultationRequest().TextBody, content[0].GetProperty("value").GetString());
        Assert.Equal("text/html", content[1].GetProperty("type").GetString());
        Assert.Equal(Messages.ConsultationRequest().HtmlBody, content[1].GetProperty("value").GetString());

        Assert.Equal(["consultation-request"], root.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        var customArgs = root.GetProperty("custom_args");
        Assert.Equal("cyc-42", customArgs.GetProperty("cycleId").GetString());
        Assert.Equal("con-7", customArgs.GetProperty("consulteeId").GetString());
        Assert.Equal("r-001", customArgs.GetProperty("requestId").GetString());
        Assert.Equal("consultation-request/r-001", customArgs.GetProperty("idempotencyKey").GetString());

        var tracking = root.GetProperty("tracking_settings");
        Assert.False(tracking.GetProperty("click_tracking").GetProperty("enable").GetBoolean());
        Assert.False(tracking.GetProperty("click_tracking").GetProperty("enable_text").GetBoolean());
        Assert.False(tracking.GetProperty("open_tracking").GetProperty("enable").GetBoolean());
        Assert.False(tracking.GetProperty("subscription_tracking").GetProperty("enable").GetBoolean());
        Assert.False(tracking.GetProperty("ganalytics").GetProperty("enable").GetBoolean());
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public async Task SendAsync_SandboxModeSetting_IsSentAsMailSettings(string setting, bool expected)
    {
        await using var server = await LocalHttpServer.StartAsync((_, _, response) => SendGridSenderFixture.Accepted(response));
        await using var fixture = SendGridSenderFixture.Create(server.BaseAddress, _time, new() { ["Email:SandboxMode"] = setting });

        await fixture.Sender.SendAsync(Messages.ConsultationRequest());

        using var json = JsonDocument.Parse(Assert.Single(server.Requests).Body);
        Assert.Equal(expected, json.RootElement.GetProperty("mail_settings").GetProperty("sandbox_mode").GetProperty("enable").GetBoolean());
    }

    [Fact]
    public async Task SendAsync_NoReplyToAndNoDisplayName_SendsNeither()
    {
        await using var server = await LocalHttpServer.StartAsync((_, _, response) => SendGridSenderFixture.Accepted(response));
        await using var fixture = SendGridSenderFixture.Create(server.BaseAddress, _time, new() { ["Email:ReplyTo"] = "" });

        await fixture.Sender.SendAsync(Messages.ConsultationRequest() with { To = new("sam.carer@carers.example") });

        using var json = JsonDocument.Parse(Assert.Single(server.Requests).Body);
        Assert.False(json.RootElement.TryGetProperty("reply_to", out _));
        var to = json.RootElement.GetProperty("personalizations")[0].GetProperty("to")[0];
        Assert.False(to.TryGetProperty("name", out _));
    }
}
