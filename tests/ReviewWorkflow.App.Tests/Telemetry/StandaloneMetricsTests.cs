using ReviewWorkflow.App.Tests.Infrastructure;
using ReviewWorkflow.App.Tests.ReviewCycles;
using ReviewWorkflow.Notifications.Webhook;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Email;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.App.Tests.Telemetry;

/// <summary>
/// The app with its embedded Durable Task worker running the review cycle: emails sent,
/// bounces and responses are counted once each.
/// Run alone (<see cref="RunAlone"/>), so every measurement heard comes from the app under test.
/// </summary>
[Collection(RunAlone.Name)]
public sealed class StandaloneMetricsTests : IDisposable
{
    private const string EmailsSent = "reviewworkflow.emails.sent";
    private const string EmailsBounced = "reviewworkflow.emails.bounced";
    private const string ResponsesReceived = "reviewworkflow.responses.received";

    private readonly RecordedMeasurements _recorded = new();

    public void Dispose() => _recorded.Dispose();

    [Fact]
    public async Task Emails_sent_bounces_and_responses_are_each_counted_once_on_the_standalone_app()
    {
        await using var rc = await ReviewCycleApp.StartAsync(SmallCycle.Start);
        var id = "metrics-" + Guid.NewGuid().ToString("N")[..8];
        await rc.Cycles.StartCycleAsync(SmallCycle.Definition(id), SmallCycle.Lead, "req-start", "start-" + id).OkAsync();
        await rc.WaitForAsync(id, v => v.Stage == CycleStage.Consultation && v.Counts.RequestsSent == 3, "the consultation requests");

        // Three requests, sent by activities the embedded worker ran.
        Assert.Equal(3, _recorded.Sum(EmailsSent, ("category", "consultation-request")));

        // Sending one of them again is an idempotent repeat: nothing new is counted.
        var riley = SmallCycle.Consultees[0];
        var request = Assert.Single(await rc.Outbox.ListAsync(), m => m.To == riley.Email && m.IdempotencyKey.StartsWith($"consultation-request/{id}/", StringComparison.Ordinal));
        var repeat = await rc.App.Services.GetRequiredService<WorkflowMailer>().SendAsync(new OutgoingEmail(
            id, new(riley.Email, riley.Name), new("Repeat", "Repeat", "<p>Repeat</p>"), "consultation-request", request.IdempotencyKey, "RequestSent", riley.Id, riley.Id));
        Assert.True(repeat.Sent);
        Assert.Equal(3, _recorded.Sum(EmailsSent, ("category", "consultation-request")));

        // A bounce accepted once; the same event again is a repeat.
        var bounce = new DeliveryProblem(riley.Email, DeliveryProblemKind.Bounced, "550 5.1.1 No such user", rc.Clock.GetUtcNow(), id, riley.Id, null, request.Id, "evt-metrics-1");
        Assert.Equal(CycleResultKind.Accepted, (await rc.Cycles.FlagBounceAsync(bounce)).Kind);
        await rc.WaitForAsync(id, v => v.Counts.Bounced == 1, "the bounce to be counted");
        Assert.Equal(CycleResultKind.Repeated, (await rc.Cycles.FlagBounceAsync(bounce)).Kind);
        Assert.Equal(1, _recorded.Sum(EmailsBounced, ("kind", "bounced")));
        Assert.Equal(1, _recorded.Sum(EmailsBounced));

        // A response submitted once; repeating the submission (same key) or submitting again counts nothing more.
        var responses = rc.App.Services.GetRequiredService<ResponseStore>();
        var rules = new ResponseRules { PledgeCount = 2, Closes = SmallCycle.Definition(id).Consultation.Closes };
        var casey = SmallCycle.Consultees[1];
        var content = new ResponseContent { Comments = "More help with the first tenancy, please." };
        Assert.Equal(ResponseOutcomeKind.Submitted, (await responses.SubmitAsync(id, casey.Id, casey.Name, null, rules, content, "submit-casey")).Kind);
        Assert.Equal(ResponseOutcomeKind.Submitted, (await responses.SubmitAsync(id, casey.Id, casey.Name, null, rules, content, "submit-casey")).Kind);
        Assert.Equal(ResponseOutcomeKind.AlreadySubmitted, (await responses.SubmitAsync(id, casey.Id, casey.Name, null, rules, content, "another-key")).Kind);
        Assert.Equal(1, _recorded.Sum(ResponsesReceived, ("late", false)));
        Assert.Equal(1, _recorded.Sum(ResponsesReceived));
    }
}
