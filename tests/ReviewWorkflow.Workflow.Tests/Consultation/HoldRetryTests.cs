using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Tests.Fixtures;

namespace ReviewWorkflow.Workflow.Tests.Consultation;

/// <summary>While the directory stays unreachable the hold asks it again every hour of the app's clock, and each retry
/// that fails changes nothing the lead or a consultee sees: no second email, no request (issue 17, point 4).</summary>
public sealed class HoldRetryTests
{
    [Fact]
    public async Task A_retry_while_the_directory_is_still_unreachable_sends_no_second_email_and_no_request()
    {
        var (h, directory) = await HeldConsultation.StartHarnessAsync();
        await using var _h = h;
        var id = await HeldConsultation.StartAsync(h, "held-retry");
        var askedAtStart = directory.Asked;

        await h.AdvanceToAsync(HeldConsultation.At(12, 30));

        Assert.True(directory.Asked >= askedAtStart + 2, $"asked {directory.Asked} times, {askedAtStart} by the start");
        Assert.Single(h.HoldEmails());
        Assert.Empty(h.Requests());
        var hold = (await h.ViewAsync(id)).ConsultationHold!;
        Assert.True(hold.OnHold);
        Assert.Equal(HeldConsultation.At(13).UtcDateTime, hold.NextTry);
        var trail = await h.Audit.ReadAllAsync(id);
        Assert.Single(trail, e => e.Action == AuditActions.ConsultationHeld);
        Assert.DoesNotContain(trail, e => e.Action == AuditActions.DirectoryReached);
    }
}
