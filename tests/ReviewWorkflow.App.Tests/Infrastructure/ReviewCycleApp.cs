using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using ReviewWorkflow.App.Hosting;
using Microsoft.DurableTask.Client;
using ReviewWorkflow.Notifications.Outbox;
using ReviewWorkflow.Testing;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Cycles;
using SendGrid.Helpers.EventWebhook;

namespace ReviewWorkflow.App.Tests.Infrastructure;

/// <summary>
/// The real app, standalone (its embedded Durable Task worker runs the cycles), on real Kestrel and real Azurite, with a task
/// hub and workflow tables of its own, the local outbox in a temporary folder, the local directory, a shifted clock,
/// and a fresh ECDsa P-256 key whose public half is <c>Email:WebhookPublicKey</c>.
/// </summary>
public sealed class ReviewCycleApp : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    private readonly ECDsa _webhookKey;

    private ReviewCycleApp(RunningApp app, ShiftedClock clock, ECDsa webhookKey, string hub, string outbox)
    {
        App = app;
        Clock = clock;
        _webhookKey = webhookKey;
        Hub = hub;
        OutboxFolder = outbox;
    }

    public RunningApp App { get; }

    public ShiftedClock Clock { get; }

    public string Hub { get; }

    public string OutboxFolder { get; }

    public ReviewCycleService Cycles => App.Services.GetRequiredService<ReviewCycleService>();

    public IOutbox Outbox => App.Services.GetRequiredService<IOutbox>();

    public AuditLog Audit => App.Services.GetRequiredService<AuditLog>();

    public static async Task<ReviewCycleApp> StartAsync(DateTimeOffset start)
    {
        var clock = new ShiftedClock(start);
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var outbox = Path.Combine(Path.GetTempPath(), "rw-outbox-" + Guid.NewGuid().ToString("N"));
        var settings = await IsolatedAppSettings.AppAsync("rc", outbox);
        settings["Workflow:PublicBaseUrl"] = "https://reviews.council.example/";
        settings["Email:WebhookPublicKey"] = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());
        var hub = settings["Durable:HubName"]!;
        try
        {
            var app = await RunningApp.StartAsync(settings, builder => builder.Services.AddSingleton<TimeProvider>(clock));
            return new ReviewCycleApp(app, clock, key, hub, outbox);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>Polls the cycle's view until <paramref name="done"/> holds and the stage's orchestration is running
    /// (so a command raised next reaches it), or fails after a generous deadline showing the last view.</summary>
    public async Task<CycleView> WaitForAsync(string cycleId, Func<CycleView, bool> done, string what)
    {
        var client = App.Services.GetRequiredService<DurableTaskClient>();
        using var timeout = new CancellationTokenSource(Deadline);
        CycleView? view = null;
        while (!timeout.IsCancellationRequested)
        {
            view = await Cycles.GetCycleAsync(cycleId);
            if (view is not null && done(view)
                && (view.Stage is CycleStage.Adopted or CycleStage.Closed || (await client.GetInstanceAsync(view.CommandTarget))?.IsRunning == true))
            {
                return view;
            }

            Assert.False(view?.RuntimeStatus == "failed", $"The cycle failed: {view?.Failure}");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        Assert.Fail($"Waited {Deadline} for {what}; last view: stage {view?.Stage}, runtime {view?.RuntimeStatus}, body {view?.CurrentBody}, "
            + $"requests sent {view?.Counts.RequestsSent}, bounced {view?.Counts.Bounced}, failure {view?.Failure}");
        return view!;
    }

    /// <summary>Polls the outbox until a message matches, or fails after the deadline.</summary>
    public async Task<OutboxMessage> WaitForEmailAsync(Func<OutboxMessage, bool> match, string what)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        while (!timeout.IsCancellationRequested)
        {
            if ((await Outbox.ListAsync()).FirstOrDefault(match) is { } message)
            {
                return message;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        Assert.Fail($"Waited {Deadline} for {what} in the outbox.");
        return null!;
    }

    /// <summary>POSTs <paramref name="body"/> to the webhook, signed as SendGrid signs (ECDSA P-256, SHA-256 over the
    /// timestamp text then the body) with <paramref name="signer"/> (default: the configured key's private half).</summary>
    public async Task<HttpResponseMessage> PostWebhookAsync(string body, ECDsa? signer = null)
    {
        var timestamp = Clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(body);
        var signature = (signer ?? _webhookKey).SignData([.. Encoding.UTF8.GetBytes(timestamp), .. bytes], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        using var request = new HttpRequestMessage(HttpMethod.Post, ReviewCycleHostingExtensions.SendGridWebhookPath)
        {
            Content = new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Add(RequestValidator.SIGNATURE_HEADER, Convert.ToBase64String(signature));
        request.Headers.Add(RequestValidator.TIMESTAMP_HEADER, timestamp);
        return await App.Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        _webhookKey.Dispose();
        try
        {
            System.IO.Directory.Delete(OutboxFolder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
