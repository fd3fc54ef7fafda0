using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Tests.Fixtures;

namespace ReviewWorkflow.Workflow.Tests.Consultation;

/// <summary>While the consultation is on hold the lead may extend the closing date (the consultation then opens with the
/// new date), but cannot close it or remind anyone: nothing has gone out yet (issue 17, point 4).</summary>
public sealed class HoldCommandTests
{
    [Fact]
    public async Task An_extension_during_the_hold_is_kept_when_it_opens_and_closing_or_reminding_is_refused()
    {
        var (h, directory) = await HeldConsultation.StartHarnessAsync();
        await using var _h = h;
        var id = await HeldConsultation.StartAsync(h, "held-commands");
        var extended = new DateOnly(2027, 2, 19);

        await h.Service.ExtendConsultationAsync(id, extended, People.Lead, "req-extend", CycleSteps.NewKey()).OkAsync();
        await h.Host.RunUntilIdleAsync();
        var close = await h.Service.CloseConsultationAsync(id, People.Lead, "req-close", CycleSteps.NewKey());
        var remind = await h.Service.SendReminderNowAsync(id, People.Lead, "req-remind", CycleSteps.NewKey());

        Assert.Equal(CycleResultKind.Conflict, close.Kind);
        Assert.Contains("on hold", close.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(CycleResultKind.Conflict, remind.Kind);
        Assert.Equal(extended, (await h.ViewAsync(id)).ConsultationCloses);

        directory.Reachable = true;
        await h.AdvanceToAsync(HeldConsultation.At(11, 30));

        var view = await h.ViewAsync(id);
        Assert.False(view.ConsultationHold!.OnHold);
        Assert.Equal(extended, view.ConsultationCloses);
        Assert.Equal(18, h.Requests().Count);
        Assert.All(h.Requests(), r => Assert.Contains("19 February 2027", r.Text, StringComparison.Ordinal));
    }
}
