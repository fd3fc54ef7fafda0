using System.Net;
using ReviewWorkflow.Notifications.Email;
using ReviewWorkflow.Notifications.Tests.Infrastructure;
using ReviewWorkflow.Testing;

namespace ReviewWorkflow.Notifications.Tests.SendGrid;

/// <summary>Email:MaxAttempts, RetryDelay, MaxRetryDelay and RequestTimeout on the SDK's client: 429 and 5xx retried,
/// Retry-After honoured, a timeout or a refused connection surfaced as transient.</summary>
public sealed class SendGridRetryTests
{
    private readonly RecordingTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task SendAsync_TooManyRequestsWithRetryAfter_WaitsThatLongThenSendsTheSameMessageAgain()
    {
        await using var server = await LocalHttpServer.StartAsync((_, n, response) =>
        {
            if (n == 1)
            {
                response.StatusCode = 429;
                response.Headers["Retry-After"] = "3";
                return Task.CompletedTask;
            }

            return SendGridSenderFixture.Accepted(response, "msg-after-429");
        });
        await using var fixture = SendGridSenderFixture.Create(server.BaseAddress, _time);

        var result = await fixture.Sender.SendAsync(Messages.ConsultationRequest());

        Assert.Equal("msg-after-429", result.ProviderMessageId);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(3)], _time.Delays);
        Assert.Equal(server.Requests.First().Body, server.Requests.Last().Body);
    }

    [Fact]
    public async Task SendAsync_RetryAfterAsADate_WaitsUntilThen()
    {
        var now = _time.GetUtcNow();
        await using var server = await LocalHttpServer.StartAsync((_, n, response) =>
        {
            if (n == 1)
            {
                response.StatusCode = 503;
                response.Headers["Retry-After"] = now.AddSeconds(7).ToString("R");
                return Task.CompletedTask;
            }

            return SendGridSenderFixture.Accepted(response);
        });
        await using var fixture = SendGridSenderFixture.Create(server.BaseAddress, _time);

        await fixture.Sender.SendAsync(Messages.ConsultationRequest());

        Assert.Equal([TimeSpan.FromSeconds(7)], _time.Delays);
    }

    [Fact]
    public async Task SendAsync_ServerErrorsWithoutRetryAfter_BacksOffExponentiallyAndGivesUpAsTransient()
    {
        await using var server = await LocalHttpServer.StartAsync((_, _, response) =>
        {
            response.StatusCode = 503;
            return Task.CompletedTask;
        });
        await using var fixture = SendGridSenderFixture.Create(server.BaseAddress, _time, new() { ["Email:MaxAttempts"] = "3", ["Email:RetryDelay"] = "00:00:02" });

        var ex = await Assert.ThrowsAsync<EmailSendException>(() => fixture.Sender.SendAsync(Messages.ConsultationRequest()));

        Assert.True(ex.IsTransient);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Contains("all 3 attempts", ex.Message);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], _time.Delays);
    }

    [Fact]
    public async Task SendAsync_BackoffIsCappedAtMaxRetryDelay()
    {
        await using var server = await LocalHttpServer.StartAsync((_, _, response) =>
        {
            response.StatusCode = 500;
            return Task.CompletedTask;
        });
        await using var fixture = SendGridSenderFixture.Create(server.BaseAddress, _time, new()
        {
            ["Email:MaxAttempts"] = "4",
            ["Email:RetryDelay"] = "00:00:05",
            ["Email:MaxRetryDelay"] = "00:00:08",
        });

        await Assert.ThrowsAsync<EmailSendException>(() => fixture.Sender.SendAsync(Messages.ConsultationRequest()));

        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(8)], _time.Delays);
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
        await using var fixture = SendGridSenderFixture.Create(server.BaseAddress, _time);

        var ex = await Assert.ThrowsAsync<EmailSendException>(() => fixture.Sender.SendAsync(Messages.ConsultationRequest()));

        Assert.True(ex.IsTransient);
        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
        Assert.Equal(TimeSpan.FromHours(1), ex.RetryAfter);
        Assert.Contains("Email:MaxRetryDelay", ex.Message);
        Assert.Single(server.Requests);
        Assert.Empty(_time.Delays);
    }

    [Fact]
    public async Task SendAsync_NoAnswerWithinRequestTimeout_FailsTransientWithoutRetrying()
    {
        // SendGrid may have accepted a request that timed out: sending it again could duplicate the email.
        await using var server = await LocalHttpServer.StartAsync(async (_, _, response) =>
        {
            await Task.Delay(Timeout.Infinite, response.HttpContext.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        });
        await using var fixture = SendGridSenderFixture.Create(server.BaseAddress, _time, new() { ["Email:RequestTimeout"] = "00:00:00.300" });

        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(30)); // without Email:RequestTimeout this test fails instead of hanging

        var ex = await Assert.ThrowsAsync<EmailSendException>(() => fixture.Sender.SendAsync(Messages.ConsultationRequest(), giveUp.Token));

        Assert.True(ex.IsTransient);
        Assert.Contains("did not answer within", ex.Message);
        Assert.IsType<TimeoutException>(ex.InnerException);
        Assert.Single(server.Requests);
        Assert.Empty(_time.Delays);
    }

    [Fact]
    public async Task SendAsync_ConnectionRefused_RetriesThenFailsTransient()
    {
        // A port that was free a moment ago: nothing listens there.
        Uri deadAddress;
        await using (var server = await LocalHttpServer.StartAsync((_, _, response) => SendGridSenderFixture.Accepted(response)))
        {
            deadAddress = server.BaseAddress;
        }

        await using var fixture = SendGridSenderFixture.Create(deadAddress, _time, new() { ["Email:MaxAttempts"] = "2" });

        var ex = await Assert.ThrowsAsync<EmailSendException>(() => fixture.Sender.SendAsync(Messages.ConsultationRequest()));

        Assert.True(ex.IsTransient);
        Assert.Contains("could not be reached", ex.Message);
        Assert.Single(_time.Delays);
    }
}
