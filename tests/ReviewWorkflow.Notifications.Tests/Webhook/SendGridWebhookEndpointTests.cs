using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReviewWorkflow.Notifications.Tests.Infrastructure;
using ReviewWorkflow.Notifications.Webhook;
using SendGrid.Helpers.EventWebhook;

namespace ReviewWorkflow.Notifications.Tests.Webhook;

public sealed class SendGridWebhookEndpointTests : IAsyncLifetime, IDisposable
{
    private const string Path = "/webhooks/sendgrid";
    private const int MaxBody = 8 * 1024;
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private readonly WebhookSigner _signer = new();
    private readonly ConcurrentQueue<IReadOnlyList<DeliveryEvent>> _handled = new();
    private readonly HttpClient _http = new();
    private WebApplication _app = null!;
    private bool _handlerFails;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Email:WebhookPublicKey"] = _signer.PublicKey,
            ["Email:WebhookMaxBodyBytes"] = MaxBody.ToString(),
            ["Email:OutboxPath"] = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rw-outbox-" + Guid.NewGuid().ToString("N")),
        });
        builder.Services.AddSingleton<TimeProvider>(new RecordingTimeProvider(Now));
        builder.Services.AddReviewWorkflowEmail(builder.Configuration);
        _app = builder.Build();
        _app.MapSendGridWebhook(Path, events =>
        {
            if (_handlerFails)
            {
                throw new InvalidOperationException("Table Storage is down");
            }

            _handled.Enqueue(events);
            return Task.CompletedTask;
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _http.BaseAddress = new Uri(address);
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public void Dispose()
    {
        _http.Dispose();
        _signer.Dispose();
    }

    private Task<HttpResponseMessage> PostAsync(string body, string? timestamp = null, string? signature = null, bool sign = true)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        timestamp ??= WebhookSigner.Timestamp(Now.AddSeconds(-5));
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (sign)
        {
            request.Headers.TryAddWithoutValidation(RequestValidator.TIMESTAMP_HEADER, timestamp);
            request.Headers.TryAddWithoutValidation(RequestValidator.SIGNATURE_HEADER, signature ?? _signer.Sign(timestamp, bytes));
        }

        return _http.SendAsync(request);
    }

    [Fact]
    public async Task Post_SignedBatch_Returns200AndHandsOverAllEvents()
    {
        using var response = await PostAsync(SampleEvents.Batch);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var batch = Assert.Single(_handled);
        Assert.Equal(["ev-processed-1", "ev-delivered-1", "ev-bounce-1", "ev-spam-1"], batch.Select(e => e.EventId));
    }

    [Fact]
    public async Task Post_SameEventsAgain_HandledOnce()
    {
        using var first = await PostAsync(SampleEvents.Batch);
        using var second = await PostAsync(SampleEvents.Batch);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(_handled);
    }

    [Fact]
    public async Task Post_DuplicateEventIdWithinABatch_HandledOnce()
    {
        const string body = """
            [{"email":"a@council.example","timestamp":1,"event":"delivered","sg_event_id":"dup-1"},
             {"email":"a@council.example","timestamp":1,"event":"delivered","sg_event_id":"dup-1"}]
            """;
        using var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(Assert.Single(_handled));
    }

    [Fact]
    public async Task Post_HandlerFails_Returns500AndTheRetryIsHandled()
    {
        _handlerFails = true;
        using var failed = await PostAsync(SampleEvents.Batch);
        _handlerFails = false;
        using var retried = await PostAsync(SampleEvents.Batch);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(4, Assert.Single(_handled).Count);
    }

    [Fact]
    public async Task Post_TamperedBody_Returns401ProblemAndHandlesNothing()
    {
        var timestamp = WebhookSigner.Timestamp(Now);
        var signature = _signer.Sign(timestamp, Encoding.UTF8.GetBytes(SampleEvents.Batch));
        using var response = await PostAsync(SampleEvents.Batch.Replace("bounce", "delivered", StringComparison.Ordinal), timestamp, signature);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(_handled);
    }

    [Fact]
    public async Task Post_Unsigned_Returns401()
    {
        using var response = await PostAsync(SampleEvents.Batch, sign: false);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(RequestValidator.SIGNATURE_HEADER, await response.Content.ReadAsStringAsync());
        Assert.Empty(_handled);
    }

    [Fact]
    public async Task Post_StaleTimestamp_Returns401()
    {
        using var response = await PostAsync(SampleEvents.Batch, WebhookSigner.Timestamp(Now.AddHours(-1)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_handled);
    }

    [Fact]
    public async Task Post_SignedButMalformedJson_Returns400()
    {
        using var response = await PostAsync("""[{"email":"a@council.example","event":"delivered"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_handled);
    }

    [Fact]
    public async Task Post_TooLarge_Returns413()
    {
        var big = "[" + string.Join(",", Enumerable.Range(0, 200).Select(i =>
            $$"""{"email":"person{{i}}@council.example","timestamp":1,"event":"delivered","sg_event_id":"big-{{i}}"}""")) + "]";
        Assert.True(big.Length > MaxBody);

        using var response = await PostAsync(big);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_handled);
    }
}
