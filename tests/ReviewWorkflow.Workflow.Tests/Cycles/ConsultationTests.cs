using ReviewWorkflow.Notifications.Webhook;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Tests.Fixtures;

namespace ReviewWorkflow.Workflow.Tests.Cycles;

public sealed class ConsultationTests
{
    private static readonly DateOnly AfterRequests = new(2027, 1, 5);

    [Fact]
    public async Task An_extension_moves_the_reminders_escalation_and_close_to_the_new_date()
    {
        await using var h = await CycleHarness.StartAsync(new CycleWorld(CycleSteps.Start));
        var id = await h.StartRutlandAsync();
        await h.AdvanceToAsync(2027, 2, 3);

        var tooLate = await h.Service.ExtendConsultationAsync(id, new DateOnly(2027, 3, 20), People.Lead, "req-x", CycleSteps.NewKey());
        Assert.Equal(CycleResultKind.Invalid, tooLate.Kind);
        Assert.Equal("closes", Assert.Single(tooLate.Errors).Field);

        await h.Service.ExtendConsultationAsync(id, new DateOnly(2027, 2, 19), People.Lead, "req-ext", CycleSteps.NewKey()).OkAsync();
        await h.AdvanceToAsync(2027, 2, 19);
        Assert.Equal(CycleStage.Consultation, (await h.ViewAsync(id)).Stage);
        Assert.Equal(new DateOnly(2027, 2, 19), (await h.ViewAsync(id)).ConsultationCloses);
        await h.AdvanceToAsync(2027, 2, 20);

        Assert.Equal(CycleStage.Drafting, (await h.ViewAsync(id)).Stage);
        var days = h.Sent.Where(s => s.Day >= AfterRequests).Select(s => (s.Day, s.Category)).Distinct().ToList();
        Assert.Equal(
            [(new DateOnly(2027, 2, 12), "consultation-reminder"), (new DateOnly(2027, 2, 16), "consultation-escalation"), (new DateOnly(2027, 2, 17), "consultation-reminder")],
            days);
        Assert.Equal(12, h.Sent.Count(s => s.Day == new DateOnly(2027, 2, 12)));
        await GoldenFiles.RecordIfAskedAsync(h, "extension", id);
    }

    [Fact]
    public async Task Closing_early_moves_to_drafting_and_later_responses_are_kept_marked_late()
    {
        await using var h = await CycleHarness.StartAsync(new CycleWorld(CycleSteps.Start));
        var id = await h.StartRutlandAsync();
        await h.AdvanceToAsync(2027, 1, 20);
        await h.RespondAsync(id, "riley@young.example");

        await h.Service.CloseConsultationAsync(id, People.Lead, "req-close", CycleSteps.NewKey()).OkAsync();
        await h.Host.RunUntilIdleAsync();
        var view = await h.ViewAsync(id);
        Assert.Equal(CycleStage.Drafting, view.Stage);
        Assert.True(view.ConsultationClosedEarly);
        Assert.Equal(1, view.Counts.ResponsesSubmitted);

        await h.RespondAsync(id, "casey@young.example");
        var late = await h.Responses.GetAsync(id, ConsulteeId.For("casey@young.example"));
        Assert.True(late!.Late);
        Assert.False((await h.Responses.GetAsync(id, ConsulteeId.For("riley@young.example")))!.Late);
        await h.AdvanceToAsync(2027, 2, 13);
        Assert.DoesNotContain(h.Sent, s => s.Category.StartsWith("consultation-", StringComparison.Ordinal) && s.Day > new DateOnly(2027, 1, 4));
        var again = await h.Service.CloseConsultationAsync(id, People.Lead, "req-close-2", CycleSteps.NewKey());
        Assert.Equal(CycleResultKind.Conflict, again.Kind);
        await GoldenFiles.RecordIfAskedAsync(h, "early-close", id);
    }

    [Fact]
    public async Task A_bounce_is_flagged_to_the_lead_once_and_the_address_gets_no_reminders()
    {
        await using var h = await CycleHarness.StartAsync(new CycleWorld(CycleSteps.Start));
        var id = await h.StartRutlandAsync();
        await h.AdvanceToAsync(2027, 1, 5);
        var problem = new DeliveryProblem("morgan@young.example", DeliveryProblemKind.Bounced, "550 5.1.1 mailbox unknown", new DateTimeOffset(2027, 1, 4, 9, 5, 0, TimeSpan.Zero),
            id, ConsulteeId.For("morgan@young.example"), null, "msg-3", "sg-event-1");

        await h.Service.FlagBounceAsync(problem).OkAsync();
        await h.Host.RunUntilIdleAsync();
        var repeat = await h.Service.FlagBounceAsync(problem);
        Assert.Equal(CycleResultKind.Repeated, repeat.Kind);
        await h.AdvanceToAsync(2027, 2, 13);

        var notice = Assert.Single(h.Sent, s => s.Category == "bounce-notice");
        Assert.Equal("lead@council.example", notice.To);
        Assert.Contains("Morgan (Voices Matter (Children in Care Council)), morgan@young.example", notice.Text);
        Assert.Single(h.Sent, s => s.To == "morgan@young.example");
        var escalation = Assert.Single(h.Sent, s => s.Category == "consultation-escalation");
        Assert.Contains("did not arrive", escalation.Text);
        var view = await h.ViewAsync(id);
        Assert.Equal(1, view.Counts.Bounced);
        Assert.Equal([ConsulteeId.For("morgan@young.example")], view.BouncedConsultees);
        var progress = await h.Service.GetConsulteesAsync(id);
        Assert.True(Assert.Single(progress, p => p.Email == "morgan@young.example").Bounced);
        Assert.Equal(12, progress.Count);
    }
}
