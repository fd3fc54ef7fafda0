using ReviewWorkflow.Notifications.Webhook;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Tests.Fixtures;

namespace ReviewWorkflow.Workflow.Tests.Cycles;

/// <summary>"Send a reminder now" from the lead's cycle page: the Rutland-like cycle has 12 consultees.</summary>
public sealed class RemindNowTests
{
    private static readonly DateOnly Today = new(2027, 1, 12);

    private static List<SentEmail> RemindersNow(CycleHarness h) =>
        [.. h.Sent.Where(s => s.Category == "consultation-reminder" && s.Day == Today)];

    [Fact]
    public async Task A_reminder_now_goes_once_to_everyone_who_has_not_submitted_and_did_not_bounce()
    {
        await using var h = await CycleHarness.StartAsync(new CycleWorld(CycleSteps.Start));
        var id = await h.StartRutlandAsync();
        await h.AdvanceToAsync(2027, 1, 12);
        await h.RespondAsync(id, "riley@young.example");
        await h.Service.FlagBounceAsync(new DeliveryProblem("morgan@young.example", DeliveryProblemKind.Bounced, "550 mailbox unknown", new DateTimeOffset(2027, 1, 12, 9, 0, 0, TimeSpan.Zero),
            id, ConsulteeId.For("morgan@young.example"), null, "msg-1", "sg-event-remind")).OkAsync();
        await h.Host.RunUntilIdleAsync();
        Assert.Empty(RemindersNow(h));

        var key = CycleSteps.NewKey();
        var first = await h.Service.SendReminderNowAsync(id, People.Lead, "req-remind", key);
        await h.Host.RunUntilIdleAsync();
        var repeat = await h.Service.SendReminderNowAsync(id, People.Lead, "req-remind-again", key);
        await h.Host.RunUntilIdleAsync();

        Assert.Equal(CycleResultKind.Accepted, first.Kind);
        Assert.Equal(CycleResultKind.Repeated, repeat.Kind);
        var sent = RemindersNow(h);
        Assert.Equal(10, sent.Count);
        Assert.Equal(10, sent.Select(s => s.To).Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(sent, s => s.To is "riley@young.example" or "morgan@young.example");
        Assert.All(sent, s => Assert.StartsWith("Reminder:", s.Subject, StringComparison.Ordinal));
        var requested = Assert.Single(await h.Audit.ReadAllAsync(id), e => e.Action == AuditActions.RemindersRequested);
        Assert.Equal(("lead@council.example", AuditRole.Lead, "req-remind"), (requested.Actor, requested.Role, requested.RequestId));
        Assert.Equal(10, (await h.Audit.ReadAllAsync(id)).Count(e => e.Action == AuditActions.ReminderSent));
        Assert.True((await h.Audit.VerifyAsync(id)).Valid);
    }

    [Fact]
    public async Task A_second_reminder_now_is_a_new_command_and_reaches_those_still_not_answered()
    {
        await using var h = await CycleHarness.StartAsync(new CycleWorld(CycleSteps.Start));
        var id = await h.StartRutlandAsync();
        await h.AdvanceToAsync(2027, 1, 12);

        await h.Service.SendReminderNowAsync(id, People.Lead, "req-1", CycleSteps.NewKey()).OkAsync();
        await h.Host.RunUntilIdleAsync();
        await h.RespondAsync(id, "casey@young.example");
        await h.Service.SendReminderNowAsync(id, People.Lead, "req-2", CycleSteps.NewKey()).OkAsync();
        await h.Host.RunUntilIdleAsync();

        var sent = RemindersNow(h);
        Assert.Equal(12 + 11, sent.Count);
        Assert.Single(sent, s => s.To == "casey@young.example");
        Assert.Equal(CycleStage.Consultation, (await h.ViewAsync(id)).Stage);
    }

    [Fact]
    public async Task A_reminder_now_is_refused_before_the_consultation_opens_and_after_it_closes_and_sends_nothing()
    {
        await using var h = await CycleHarness.StartAsync(new CycleWorld(CycleSteps.Start));
        var id = await h.StartRutlandAsync();
        await h.Host.RunUntilIdleAsync();

        var early = await h.Service.SendReminderNowAsync(id, People.Lead, "req-early", CycleSteps.NewKey());
        await h.AdvanceToAsync(2027, 1, 12);
        await h.Service.CloseConsultationAsync(id, People.Lead, "req-close", CycleSteps.NewKey()).OkAsync();
        await h.Host.RunUntilIdleAsync();
        var late = await h.Service.SendReminderNowAsync(id, People.Lead, "req-late", CycleSteps.NewKey());
        var noKey = await h.Service.SendReminderNowAsync(id, People.Lead, "req-nokey", " ");
        var missing = await h.Service.SendReminderNowAsync("cycle-none", People.Lead, "req-missing", CycleSteps.NewKey());
        await h.Host.RunUntilIdleAsync();

        Assert.Equal(CycleResultKind.Conflict, early.Kind);
        Assert.Contains("opens on", Assert.Single(early.Errors).Message, StringComparison.Ordinal);
        Assert.Equal(CycleResultKind.Conflict, late.Kind);
        Assert.Contains("being drafted", Assert.Single(late.Errors).Message, StringComparison.Ordinal);
        Assert.Equal(CycleResultKind.Invalid, noKey.Kind);
        Assert.Equal(CycleResultKind.NotFound, missing.Kind);
        Assert.DoesNotContain(h.Sent, s => s.Category == "consultation-reminder");
        Assert.DoesNotContain(await h.Audit.ReadAllAsync(id), e => e.Action == AuditActions.RemindersRequested);
    }
}
