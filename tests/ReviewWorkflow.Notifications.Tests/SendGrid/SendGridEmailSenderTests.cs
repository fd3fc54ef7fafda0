using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ReviewWorkflow.Notifications.Email;
using ReviewWorkflow.Notifications.Tests.Infrastructure;
using ReviewWorkflow.Testing;

namespace ReviewWorkflow.Notifications.Tests.SendGrid;

public sealed class SendGridEmailSenderTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private readonly RecordingTimeProvider _time = new(Now);
    private readonly HttpClient _http = new();

    private static Task Accepted(HttpResponse response, string messageId = "msg-abc-123")
    {
        response.StatusCode = 202;
        response.Headers["X-Message-Id"] = messageId;
        return Task.CompletedTask;
    }

    [Fact]
    public async Task SendAsync_Accepted_PostsTheExactMailSendRequestAndKeepsTheMessageId()
    {
        await using var server = await LocalHttpServer.StartAsync((_, _, response) => Accepted(response));
        var sender = SendGridSenderFixture.Create(server.BaseAddress, _time, _http);

        var result = await sender.SendAsync(Messages.ConsultationRequest());

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
            ["categories", "content", "custom_args", "from", "mail_settings", "personalizations", "reply_to", "subject", "tracking_settings"],
            root.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

        var personalization = Assert.Single(root.GetProperty("personalizations").EnumerateArray().ToArray());
        var to = Assert.Single(personalization.GetProperty("to").EnumerateArray().ToArray());
        Assert.Equal("sam.carer@carers.example", to.GetProperty("email").GetString());
        Assert.Equal("Sam Okafor", to.GetProperty("name").GetString());
        Assert.Equal("Have your say: Children in Care Pledge 2027", personalization.GetProperty("subject").GetString());
        Assert.Equal("Have your say: Children in Care Pledge 2027", root.GetProperty("subject").GetString());

        Assert.Equal("strategy.reviews@council.example", root.GetProperty("from").GetProperty("email").GetString());
        Assert.Equal("Children's Services Reviews", root.GetProperty("from").GetProperty("name").GetString());
        Assert.Equal("strategy.team@council.example", root.GetProperty("reply_to").GetProperty("email").GetString());

        var content = root.GetProperty("content").EnumerateArray().ToArray();
        Assert.Equal(2, content.Length);
        Assert.Equal("text/plain", content[0].GetProperty("type").GetString());
        Assert.StartsWith("Hello Sam, please answer here", content[0].GetProperty("value").GetString());
        Assert.Equal("text/html", content[1].GetProperty("type").GetString());
        Assert.StartsWith("<p>Hello Sam,</p>", content[1].GetProperty("value").GetString());

        Assert.Equal(["consultation-request"], root.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        var customArgs = root.GetProperty("custom_args");
        Assert.Equal("cyc-42", customArgs.GetProperty("cycleId").GetString());
        Assert.Equal("con-7", customArgs.GetProperty("consulteeId").GetString());
        Assert.Equal("r-001", customArgs.GetProperty("requestId").GetString());
        Assert.Equal("consultation-request/r-001", customArgs.GetProperty("idempotencyKey").GetString());

        Assert.True(root.GetProperty("mail_settings").GetProperty("sandbox_mode").GetProperty("enable").GetBoolean());
        var tracking = root.GetProperty("tracking_settings");
        Assert.False(tracking.GetProperty("click_tracking").GetProperty("enable").GetBoolean());
        Assert.False(tracking.GetProperty("open_tracking").GetProperty("enable").GetBoolean());
        Assert.False(tracking.GetProperty("subscription_tracking").GetProperty("enable").GetBoolean());
    }

    [Fact]
    public async Task SendAsync_TooManyRequestsWithRetryAfter_WaitsThatLongThenSucceeds()
    {
        await using var server = await LocalHttpServer.StartAsync((_, n, response) =>
        {
            if (n == 1)
            {
                response.StatusCode = 429;
                response.Headers["Retry-After"] = "3";
                return Task.CompletedTask;
            }

            return Accepted(response, "msg-after-429");
        });
        var sender = SendGridSenderFixture.Create(server.BaseAddress, _time, _http);

        var result = await sender.SendAsync(Messages.ConsultationRequest());

        Assert.Equal("msg-after-429", result.ProviderMessageId);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(3)], _time.Delays);
        Assert.Equal(server.Requests.First().Body, server.Requests.Last().Body);
    }

    [Fact]
    public async Task SendAsync_ServerErrorsWithoutRetryAfter_BacksOffExponentiallyAndGivesUpAsTransient()
    {
        await using var server = await LocalHttpServer.StartAsync((_, _, response) =>
        {
            response.StatusCode = 503;
            return Task.CompletedTask;
        });
        var sender = SendGridSenderFixture.Create(server.BaseAddress, _time, _http, o => { o.MaxAttempts = 3; o.RetryDelay = TimeSpan.FromSeconds(2); });

        var ex = await Assert.ThrowsAsync<EmailSendException>(() => sender.SendAsync(Messages.ConsultationRequest()));

        Assert.True(ex.IsTransient);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], _time.Delays);
    }

    [Fact]
    public async Task SendAsync_RetryAfterLongerThanAllowed_FailsTransientWithoutWaiting()
    {
        await using var server = await LocalHttpServer.StartAsync((_, _, response) =>
        {
            response.StatusCode = 429;
            response.Headers["Retry-After"] = "3600";
            return Task.CompletedTask;
        });
        var sender = SendGridSenderFixture.Create(server.BaseAddress, _time, _http);

        var ex = await Assert.ThrowsAsync<EmailSendException>(() => sender.SendAsync(Messages.ConsultationRequest()));

        Assert.True(ex.IsTransient);
        Assert.Equal(TimeSpan.FromHours(1), ex.RetryAfter);
        Assert.Single(server.Requests);
        Assert.Empty(_time.Delays);
    }

    [Fact]
    public async Task SendAsync_BadRequest_ThrowsRejectedNamingTheFieldAndDoesNotRetry()
    {
        await using var server = await LocalHttpServer.StartAsync(async (_, _, response) =>
        {
            response.StatusCode = 400;
            response.ContentType = "application/json";
            await response.WriteAsync("""{"errors":[{"message":"The from email does not contain a valid address.","field":"from.email","help":"http://sendgrid.example/help"}]}""");
        });
        var sender = SendGridSenderFixture.Create(server.BaseAddress, _time, _http);

        var ex = await Assert.ThrowsAsync<EmailRejectedException>(() => sender.SendAsync(Messages.ConsultationRequest()));

        Assert.False(ex.IsTransient);
        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        var error = Assert.Single(ex.Errors);
        Assert.Equal("from.email", error.Field);
        Assert.Contains("from.email: The from email does not contain a valid address.", ex.Message);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task SendAsync_UnauthorizedOrForbidden_ThrowsConfigurationErrorWithoutLeakingTheKey(int status)
    {
        await using var server = await LocalHttpServer.StartAsync(async (_, _, response) =>
        {
            response.StatusCode = status;
            await response.WriteAsync("""{"errors":[{"field":null,"message":"The provided authorization grant is invalid, expired, or revoked"}]}""");
        });
        var sender = SendGridSenderFixture.Create(server.BaseAddress, _time, _http);

        var ex = await Assert.ThrowsAsync<EmailConfigurationException>(() => sender.SendAsync(Messages.ConsultationRequest()));

        Assert.Contains("Email:SendGridApiKey", ex.Message);
        Assert.Contains("authorization grant is invalid", ex.Message);
        Assert.DoesNotContain(SendGridSenderFixture.ApiKey, ex.Message);
        Assert.False(ex.IsTransient);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData("Have your say\r\nBcc: everyone@elsewhere.example")]
    [InlineData("Have your say\nX-Injected: 1")]
    public async Task SendAsync_LineBreakInSubject_RefusedBeforeAnyRequest(string subject)
    {
        await using var server = await LocalHttpServer.StartAsync((_, _, response) => Accepted(response));
        var sender = SendGridSenderFixture.Create(server.BaseAddress, _time, _http);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => sender.SendAsync(Messages.ConsultationRequest() with { Subject = subject }));

        Assert.Contains("Subject", ex.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task SendAsync_ConnectionRefused_RetriesThenFailsTransient()
    {
        // A port that was free a moment ago: nothing listens there.
        Uri deadAddress;
        await using (var server = await LocalHttpServer.StartAsync((_, _, response) => Accepted(response)))
        {
            deadAddress = server.BaseAddress;
        }

        var sender = SendGridSenderFixture.Create(deadAddress, _time, _http, o => o.MaxAttempts = 2);

        var ex = await Assert.ThrowsAsync<EmailSendException>(() => sender.SendAsync(Messages.ConsultationRequest()));

        Assert.True(ex.IsTransient);
        Assert.Single(_time.Delays);
    }

    public void Dispose() => _http.Dispose();
}
