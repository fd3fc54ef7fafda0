using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ReviewWorkflow.Notifications.Email;
using ReviewWorkflow.Notifications.Tests.Infrastructure;
using ReviewWorkflow.Testing;

namespace ReviewWorkflow.Notifications.Tests.Email;

public sealed class IdempotentSendTests
{
    private static ServiceProvider SendGridServices(Uri baseAddress) => new ServiceCollection()
        .AddLogging()
        .AddReviewWorkflowEmail(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Email:SendGridApiKey"] = "SG.test-key-not-a-secret",
            ["Email:FromAddress"] = "strategy.reviews@council.example",
            ["Email:BaseUrl"] = baseAddress.ToString(),
        }).Build())
        .BuildServiceProvider();

    [Fact]
    public async Task SendAsync_SameKeyTwice_SendsOnceAndReturnsTheFirstResult()
    {
        await using var server = await LocalHttpServer.StartAsync((_, n, response) =>
        {
            response.StatusCode = StatusCodes.Status202Accepted;
            response.Headers["X-Message-Id"] = $"msg-{n}";
            return Task.CompletedTask;
        });
        await using var services = SendGridServices(server.BaseAddress);
        var sender = services.GetRequiredService<IEmailSender>();

        var first = await sender.SendAsync(Messages.ConsultationRequest("request/r-9"));
        var second = await services.GetRequiredService<IEmailSender>().SendAsync(Messages.ConsultationRequest("request/r-9"));

        Assert.Single(server.Requests);
        Assert.Equal("msg-1", first.ProviderMessageId);
        Assert.False(first.AlreadySent);
        Assert.Equal("msg-1", second.ProviderMessageId);
        Assert.True(second.AlreadySent);
    }

    [Fact]
    public async Task SendAsync_RetriedAfter429ThenSentAgainWithTheSameKey_OneMessageAccepted()
    {
        await using var server = await LocalHttpServer.StartAsync((_, n, response) =>
        {
            if (n == 1)
            {
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers["Retry-After"] = "0";
                return Task.CompletedTask;
            }

            response.StatusCode = StatusCodes.Status202Accepted;
            response.Headers["X-Message-Id"] = $"msg-{n}";
            return Task.CompletedTask;
        });
        await using var services = SendGridServices(server.BaseAddress);
        var sender = services.GetRequiredService<IEmailSender>();

        var first = await sender.SendAsync(Messages.ConsultationRequest("request/r-429"));
        var again = await sender.SendAsync(Messages.ConsultationRequest("request/r-429"));

        // One 429 retried by the HTTP handler, one accepted; the activity's second call sends nothing.
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal("msg-2", first.ProviderMessageId);
        Assert.True(again.AlreadySent);
        Assert.Equal("msg-2", again.ProviderMessageId);
    }

    [Fact]
    public async Task SendAsync_DifferentKeys_SendsEach()
    {
        await using var server = await LocalHttpServer.StartAsync((_, n, response) =>
        {
            response.StatusCode = StatusCodes.Status202Accepted;
            response.Headers["X-Message-Id"] = $"msg-{n}";
            return Task.CompletedTask;
        });
        await using var services = SendGridServices(server.BaseAddress);
        var sender = services.GetRequiredService<IEmailSender>();

        await sender.SendAsync(Messages.ConsultationRequest("request/r-1"));
        await sender.SendAsync(Messages.ConsultationRequest("request/r-2"));

        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_FailedSend_IsNotRecordedSoTheRetrySends()
    {
        var inner = new FlakySender();
        var sender = new IdempotentEmailSender(inner, new InMemoryEmailSendLedger(), NullLogger<IdempotentEmailSender>.Instance);

        await Assert.ThrowsAsync<EmailSendException>(() => sender.SendAsync(Messages.ConsultationRequest()));
        var retried = await sender.SendAsync(Messages.ConsultationRequest());

        Assert.Equal(2, inner.Calls);
        Assert.False(retried.AlreadySent);
    }

    [Fact]
    public async Task SendAsync_ConcurrentRetriesOfOneKey_SendOnce()
    {
        var inner = new FlakySender { FailFirst = false };
        var sender = new IdempotentEmailSender(inner, new InMemoryEmailSendLedger(), NullLogger<IdempotentEmailSender>.Instance);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => sender.SendAsync(Messages.ConsultationRequest("request/concurrent")))));

        Assert.Equal(1, inner.Calls);
        Assert.Equal(7, results.Count(r => r.AlreadySent));
    }

    private sealed class FlakySender : IEmailSender
    {
        private int _calls;

        public bool FailFirst { get; init; } = true;

        public int Calls => _calls;

        public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
        {
            var call = Interlocked.Increment(ref _calls);
            await Task.Yield();
            if (FailFirst && call == 1)
            {
                throw new EmailSendException("SendGrid answered 503", System.Net.HttpStatusCode.ServiceUnavailable, isTransient: true);
            }

            return new EmailSendResult($"msg-{call}", "Fake", DateTimeOffset.UnixEpoch);
        }
    }
}
