using Microsoft.DurableTask.Client;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Tests.Fixtures;
using static ReviewWorkflow.Workflow.Domain.DecisionOutcome;

namespace ReviewWorkflow.Workflow.Tests.Cycles;

public sealed class RatificationTests
{
    private const string Panel = "Corporate Parenting Panel";

    [Fact]
    public async Task A_deferral_waits_for_the_new_meeting_and_reminds_for_its_publication_date()
    {
        await using var h = await CycleHarness.StartAsync(new CycleWorld(CycleSteps.Start));
        var id = await h.StartRutlandAsync();
        await h.ToRatificationAsync(id);

        await h.AdvanceToAsync(2027, 3, 30, 18);
        await h.Service.RecordDecisionAsync(id, CycleSteps.Decision(Panel, new(2027, 3, 30), Defer, newDate: new(2027, 4, 19)), People.Clerk, "req-defer", CycleSteps.NewKey()).OkAsync();
        await h.AdvanceToAsync(2027, 4, 19, 18);

        var view = await h.ViewAsync(id);
        Assert.Equal(Panel, view.CurrentBody);
        Assert.Equal(new DateOnly(2027, 4, 19), view.Route[0].MeetingDate);
        // The report for 19 April must be published by 9 April: reminders on 2 and 7 April, to lead and clerk.
        Assert.Equal(
            ["2027-04-02 publication-reminder → lead@council.example", "2027-04-02 publication-reminder → clerk@council.example",
             "2027-04-07 publication-reminder → lead@council.example", "2027-04-07 publication-reminder → clerk@council.example"],
            h.Log(new DateOnly(2027, 3, 31)).Where(l => l.Contains("publication", StringComparison.Ordinal) && h.Sent.First(s => s.ToString() == l).Subject.Contains(Panel, StringComparison.Ordinal)));

        // A decision for the old meeting is now refused; the new one moves the route on.
        var old = await h.Service.RecordDecisionAsync(id, CycleSteps.Decision(Panel, new(2027, 3, 30), Endorse), People.Clerk, "req-old", CycleSteps.NewKey());
        Assert.Equal(CycleResultKind.Invalid, old.Kind);
        Assert.Contains(old.Errors, e => e.Field == "meetingDate");
        await h.Service.RecordDecisionAsync(id, CycleSteps.Decision(Panel, new(2027, 4, 19), Endorse), People.Clerk, "req-new", CycleSteps.NewKey()).OkAsync();
        await h.Host.RunUntilIdleAsync();
        Assert.Equal("Cabinet", (await h.ViewAsync(id)).CurrentBody);
        Assert.Contains(await h.Audit.ReadAllAsync(id), e => e.Action == AuditActions.MeetingDeferred && e.Actor == People.Clerk.Email);
        await GoldenFiles.RecordIfAskedAsync(h, "deferral", id);
    }

    [Fact]
    public async Task A_refer_back_returns_to_drafting_with_the_comments_then_resumes_the_route_at_that_body()
    {
        await using var h = await CycleHarness.StartAsync(new CycleWorld(CycleSteps.Start));
        var id = await h.StartRutlandAsync();
        await h.ToRatificationAsync(id);
        await h.AdvanceToAsync(2027, 3, 30, 18);

        await h.Service.RecordDecisionAsync(id, CycleSteps.Decision(Panel, new(2027, 3, 30), ReferBack, comments: "Add the care leavers' housing offer."), People.Clerk, "req-rb", CycleSteps.NewKey()).OkAsync();
        await h.Host.RunUntilIdleAsync();
        var drafting = await h.ViewAsync(id);
        Assert.Equal(CycleStage.Drafting, drafting.Stage);
        Assert.Equal(2, drafting.DraftRound);
        Assert.Equal("Add the care leavers' housing offer.", drafting.ReferredBackComments);
        var notice = h.Sent.Single(s => s.Category == "referred-back");
        Assert.Equal("lead@council.example", notice.To);
        Assert.Contains("Add the care leavers' housing offer.", notice.Text);

        await h.AdvanceToAsync(2027, 4, 6);
        await h.Service.SubmitDraftAsync(id, CycleSteps.Draft("1.1"), People.Lead, "req-d2", CycleSteps.NewKey()).OkAsync();
        await h.Host.RunUntilIdleAsync();
        await h.Service.SignOffAsync(id, true, null, People.Director, "req-s2", CycleSteps.NewKey()).OkAsync();
        await h.Host.RunUntilIdleAsync();

        var resumed = await h.ViewAsync(id);
        Assert.Equal(CycleStage.Ratification, resumed.Stage);
        Assert.Equal(Panel, resumed.CurrentBody);
        Assert.Equal("1.1", resumed.DraftVersion);
        Assert.True(resumed.NextDeadline!.Overdue);
        await h.Service.SetMeetingDateAsync(id, Panel, new DateOnly(2027, 4, 13), People.Clerk, "req-date", CycleSteps.NewKey()).OkAsync();
        await h.AdvanceToAsync(2027, 4, 13, 18);
        await h.Service.RecordDecisionAsync(id, CycleSteps.Decision(Panel, new(2027, 4, 13), Endorse), People.Clerk, "req-e", CycleSteps.NewKey()).OkAsync();
        await h.Host.RunUntilIdleAsync();
        Assert.Equal("Cabinet", (await h.ViewAsync(id)).CurrentBody);
        Assert.Equal([ReferBack, Endorse], (await h.ViewAsync(id)).Decisions.Select(d => d.Outcome));
        await GoldenFiles.RecordIfAskedAsync(h, "refer-back", id);
    }

    [Fact]
    public async Task A_rejection_closes_the_cycle_without_monitoring()
    {
        await using var h = await CycleHarness.StartAsync(new CycleWorld(CycleSteps.Start));
        var id = await h.StartRutlandAsync();
        await h.ToRatificationAsync(id);
        await h.AdvanceToAsync(2027, 3, 30, 18);
        await h.Service.RecordDecisionAsync(id, CycleSteps.Decision(Panel, new(2027, 3, 30), Endorse), People.Clerk, "r1", CycleSteps.NewKey()).OkAsync();
        await h.AdvanceToAsync(2027, 4, 20, 18);
        await h.Service.RecordDecisionAsync(id, CycleSteps.Decision("Cabinet", new(2027, 4, 20), Reject), People.Clerk, "r2", CycleSteps.NewKey()).OkAsync();

        var done = await h.Host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var view = await h.ViewAsync(id);
        Assert.Equal(CycleStage.Closed, view.Stage);
        Assert.StartsWith("Rejected by Cabinet on 20 April 2027", view.ClosedReason);
        Assert.Null(await h.Host.Client.GetInstanceAsync(OrchestrationNames.MonitoringId(id)));
        Assert.DoesNotContain(h.Sent, s => s.Day > new DateOnly(2027, 4, 20));
        Assert.Contains(await h.Audit.ReadAllAsync(id), e => e.Action == AuditActions.CycleClosed);
    }

    [Fact]
    public async Task A_decision_for_the_wrong_body_is_refused_with_a_reason_and_changes_nothing()
    {
        await using var h = await CycleHarness.StartAsync(new CycleWorld(CycleSteps.Start));
        var id = await h.StartRutlandAsync();
        await h.ToRatificationAsync(id);
        await h.AdvanceToAsync(2027, 3, 31);
        var auditBefore = (await h.Audit.ReadAllAsync(id)).Count;

        var wrong = await h.Service.RecordDecisionAsync(id, CycleSteps.Decision("Cabinet", new(2027, 3, 30), Recommend), People.Clerk, "req-w", CycleSteps.NewKey());

        Assert.Equal(CycleResultKind.Invalid, wrong.Kind);
        var error = Assert.Single(wrong.Errors);
        Assert.Equal("body", error.Field);
        Assert.Contains("The report is with Corporate Parenting Panel", error.Message);
        Assert.Equal(auditBefore, (await h.Audit.ReadAllAsync(id)).Count);

        // Defensively, a command that reaches the orchestration anyway is refused in the audit trail; the cycle runs on.
        var target = (await h.ViewAsync(id)).CommandTarget;
        await h.Host.Client.RaiseEventAsync(target, WorkflowCommand.EventName, new WorkflowCommand
        {
            Id = "raw-1", Kind = CommandKind.RecordDecision, Actor = "clerk@council.example", Role = AuditRole.Clerk,
            Decision = CycleSteps.Decision("Council", new(2027, 3, 30), Adopt),
        });
        await h.Host.RunUntilIdleAsync();
        var refusal = Assert.Single(await h.Audit.ReadAllAsync(id), e => e.Action == AuditActions.CommandRefused);
        Assert.Contains("comes later on the route", refusal.Details);
        var view = await h.ViewAsync(id);
        Assert.Equal(Panel, view.CurrentBody);
        Assert.Equal("running", view.RuntimeStatus);
    }
}
