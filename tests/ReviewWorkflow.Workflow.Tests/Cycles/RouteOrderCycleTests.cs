using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Tests.Fixtures;
using static ReviewWorkflow.Workflow.Domain.DecisionOutcome;

namespace ReviewWorkflow.Workflow.Tests.Cycles;

/// <summary>Issue 17, point 2, through the façade and the orchestration: meetings stay in route order.</summary>
public sealed class RouteOrderCycleTests
{
    private const string Panel = "Corporate Parenting Panel";

    [Fact]
    public async Task A_deferral_or_re_dating_of_the_panel_past_cabinet_is_refused_and_changes_nothing()
    {
        await using var h = await CycleHarness.StartAsync(new CycleWorld(CycleSteps.Start));
        var id = await h.StartRutlandAsync();
        await h.ToRatificationAsync(id);
        await h.AdvanceToAsync(2027, 3, 30, 18);

        var deferral = await h.Service.RecordDecisionAsync(id, CycleSteps.Decision(Panel, new(2027, 3, 30), Defer, newDate: new(2027, 4, 27)), People.Clerk, "req-defer", CycleSteps.NewKey());
        var redate = await h.Service.SetMeetingDateAsync(id, Panel, new DateOnly(2027, 4, 21), People.Clerk, "req-date", CycleSteps.NewKey());

        Assert.Equal(CycleResultKind.Invalid, deferral.Kind);
        Assert.Contains(deferral.Errors, e => e.Field == "newMeetingDate" && e.Message.Contains("Cabinet", StringComparison.Ordinal) && e.Message.Contains("20 April 2027", StringComparison.Ordinal));
        Assert.Equal(CycleResultKind.Invalid, redate.Kind);
        Assert.Contains(redate.Errors, e => e.Message.Contains("Cabinet", StringComparison.Ordinal) && e.Message.Contains("21 April 2027", StringComparison.Ordinal));
        await h.Host.RunUntilIdleAsync();
        Assert.Equal(new DateOnly(2027, 3, 30), (await h.ViewAsync(id)).Route[0].MeetingDate);
    }

    [Fact]
    public async Task The_orchestration_refuses_an_out_of_order_date_that_reaches_it_anyway()
    {
        await using var h = await CycleHarness.StartAsync(new CycleWorld(CycleSteps.Start));
        var id = await h.StartRutlandAsync();
        await h.ToRatificationAsync(id);
        await h.AdvanceToAsync(2027, 3, 31);

        var target = (await h.ViewAsync(id)).CommandTarget;
        await h.Host.Client.RaiseEventAsync(target, WorkflowCommand.EventName, new WorkflowCommand
        {
            Id = "raw-date", Kind = CommandKind.SetMeetingDate, Actor = "clerk@council.example", Role = AuditRole.Clerk,
            Body = Panel, Date = new DateOnly(2027, 5, 3),
        });
        await h.Host.RunUntilIdleAsync();

        var refusal = Assert.Single(await h.Audit.ReadAllAsync(id), e => e.Action == AuditActions.CommandRefused);
        Assert.Contains("Cabinet", refusal.Details);
        Assert.Equal(new DateOnly(2027, 3, 30), (await h.ViewAsync(id)).Route[0].MeetingDate);
    }

    [Fact]
    public async Task The_clerk_can_move_later_bodies_first_then_the_panel_after_cabinet_s_old_date()
    {
        await using var h = await CycleHarness.StartAsync(new CycleWorld(CycleSteps.Start));
        var id = await h.StartRutlandAsync();
        await h.ToRatificationAsync(id);
        await h.AdvanceToAsync(2027, 3, 31);

        await h.Service.SetMeetingDateAsync(id, "Council", new DateOnly(2027, 6, 14), People.Clerk, "r1", CycleSteps.NewKey()).OkAsync();
        await h.Host.RunUntilIdleAsync();
        await h.Service.SetMeetingDateAsync(id, "Cabinet", new DateOnly(2027, 5, 25), People.Clerk, "r2", CycleSteps.NewKey()).OkAsync();
        await h.Host.RunUntilIdleAsync();
        await h.Service.SetMeetingDateAsync(id, Panel, new DateOnly(2027, 4, 27), People.Clerk, "r3", CycleSteps.NewKey()).OkAsync();
        await h.Host.RunUntilIdleAsync();

        Assert.Equal([new DateOnly(2027, 4, 27), new DateOnly(2027, 5, 25), new DateOnly(2027, 6, 14)], (await h.ViewAsync(id)).Route.Select(r => r.MeetingDate));
    }
}
