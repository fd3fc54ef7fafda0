using System.Net;
using Microsoft.AspNetCore.Http;
using ReviewWorkflow.Notifications.Email;
using ReviewWorkflow.Notifications.Tests.Infrastructure;
using ReviewWorkflow.Testing;

namespace ReviewWorkflow.Notifications.Tests.SendGrid;

/// <summary>SendGrid refusing a message (4xx) is not retried and is reported clearly; a bad message never leaves.</summary>
public sealed class SendGridRefusalTests
{
    private readonly RecordingTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task SendAsync_BadRequest_ThrowsRejectedNamingEveryFieldAndDoesNotRetry()
    {
        await using var server = await LocalHttpServer.StartAsync(async (_, _, response) =>
        {
            response.StatusCode = 400;
            response.ContentType = "application/json";
            await response.WriteAsync("""
                {"errors":[{"message":"The from email does not contain a valid address.","field":"from.email","help":"http://sendgrid.example/help"},
                           {"message":"Invalid type. Expected: string.","field":"reply_to.email"}]}
                """);
        });
        await using var fixture = SendGridSenderFixture.Create(server.BaseAddress, _time);

        var ex = await Assert.ThrowsAsync<EmailRejectedException>(() => fixture.Sender.SendAsync(Messages.ConsultationRequest()));

        Assert.False(ex.IsTransient);
        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal(["from.email", "reply_to.email"], ex.Errors.Select(e => e.Field));
        Assert.Contains("from.email: The from email does not contain a valid address.", ex.Message);
        Assert.Contains("reply_to.email: Invalid type", ex.Message);
        Assert.Single(server.Requests);
        Assert.Empty(_time.Delays);
    }

    [Fact]
    public async Task SendAsync_PayloadTooLargeWithoutABody_ThrowsRejectedSayingSo()
    {
        await using var server = await LocalHttpServer.StartAsync((_, _, response) =>
        {
            response.StatusCode = 413;
            return Task.CompletedTask;
        });
        await using var fixture = SendGridSenderFixture.Create(server.BaseAddress, _time);

        var ex = await Assert.ThrowsAsync<EmailRejectedException>(() => fixture.Sender.SendAsync(Messages.ConsultationRequest()));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, ex.StatusCode);
        Assert.Contains("no details given", ex.Message);
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
        await using var fixture = SendGridSenderFixture.Create(server.BaseAddress, _time);

        var ex = await Assert.ThrowsAsync<EmailConfigurationException>(() => fixture.Sender.SendAsync(Messages.ConsultationRequest()));

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
        await using var server = await LocalHttpServer.StartAsync((_, _, response) => SendGridSenderFixture.Accepted(response));
        await using var fixture = SendGridSenderFixture.Create(server.BaseAddress, _time);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => fixture.Sender.SendAsync(Messages.ConsultationRequest() with { Subject = subject }));

        Assert.Contains("Subject", ex.Message);
        Assert.Empty(server.Requests);
    }
}
