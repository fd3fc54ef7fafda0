using System.Text.Json.Nodes;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Tests.Fixtures;

namespace ReviewWorkflow.Workflow.Tests.Cycles;

/// <summary>
/// Issue 12, "typed commands, one decision point": the façade records that it received a command; the running stage
/// alone records what came of it, so the trail never says "extended" and then "refused".
/// </summary>
public sealed class CommandOutcomeTests
{
    [Fact]
    public async Task An_applied_command_reads_received_then_its_outcome_written_by_the_stage()
    {
        await using var h = await CycleHarness.StartAsync(new CycleWorld(CycleSteps.Start));
        var id = await h.StartRutlandAsync();
        await h.AdvanceToAsync(2027, 2, 3);

        await h.Service.ExtendConsultationAsync(id, new DateOnly(2027, 2, 19), People.Lead, "req-ext", CycleSteps.NewKey()).OkAsync();
        var beforeTheStageRan = await h.Audit.ReadAllAsync(id);
        Assert.DoesNotContain(beforeTheStageRan, e => e.Action == AuditActions.DeadlineExtended); // nothing claims it yet
        Assert.Single(beforeTheStageRan, e => e.Action == AuditActions.CommandReceived);
        await h.Host.RunUntilIdleAsync();

        var trail = await h.Audit.ReadAllAsync(id);
        var received = Assert.Single(trail, e => e.Action == AuditActions.CommandReceived);
        var extended = Assert.Single(trail, e => e.Action == AuditActions.DeadlineExtended);
        Assert.True(extended.Sequence > received.Sequence);
        Assert.Equal(("lead@council.example", "req-ext"), (extended.Actor, extended.RequestId));
        Assert.Contains("2027-02-19", extended.Details);
        Assert.Contains("\"command\":\"ExtendConsultation\"", received.Details);
        Assert.DoesNotContain(trail, e => e.Action == AuditActions.CommandRefused);
    }

    [Fact]
    public async Task A_command_the_stage_refuses_is_never_recorded_as_done()
    {
        await using var h = await CycleHarness.StartAsync(new CycleWorld(CycleSteps.Start));
        var id = await h.StartRutlandAsync();
        await h.AdvanceToAsync(2027, 2, 3);
        await h.Service.ExtendConsultationAsync(id, new DateOnly(2027, 2, 26), People.Lead, "req-a", CycleSteps.NewKey()).OkAsync();
        await h.Host.RunUntilIdleAsync();
        // An extension to an earlier date that got past the façade's check (checked against a row read before the first
        // one applied): the stage refuses it.
        await h.Host.Client.RaiseEventAsync((await h.ViewAsync(id)).CommandTarget, WorkflowCommand.EventName, new WorkflowCommand
        {
            Id = "raced-1", Kind = CommandKind.ExtendConsultation, Date = new DateOnly(2027, 2, 19), Actor = "lead@council.example", Role = AuditRole.Lead, RequestId = "req-b",
        });
        await h.Host.RunUntilIdleAsync();

        var trail = await h.Audit.ReadAllAsync(id);
        Assert.Single(trail, e => e.Action == AuditActions.CommandReceived);
        var extended = Assert.Single(trail, e => e.Action == AuditActions.DeadlineExtended);
        Assert.Equal("req-a", extended.RequestId);
        var refused = Assert.Single(trail, e => e.Action == AuditActions.CommandRefused);
        Assert.Equal("req-b", refused.RequestId);
        Assert.Equal(new DateOnly(2027, 2, 26), (await h.ViewAsync(id)).ConsultationCloses);
    }

    [Fact]
    public async Task A_retry_of_a_command_recorded_but_never_handed_over_reaches_the_stage_once()
    {
        await using var h = await CycleHarness.StartAsync(new CycleWorld(CycleSteps.Start));
        var id = await h.StartRutlandAsync();
        await h.AdvanceToAsync(2027, 2, 3);
        var key = CycleSteps.NewKey();
        // What the first attempt left when the app stopped between recording the command and raising it.
        var (_, subject, described) = CommandAudit.Describe(new WorkflowCommand { Kind = CommandKind.ExtendConsultation, Date = new DateOnly(2027, 2, 19) });
        var details = new JsonObject { ["command"] = nameof(CommandKind.ExtendConsultation) };
        foreach (var (name, value) in described)
        {
            details[name] = value;
        }

        await h.Audit.AppendAsync(id, new AuditEvent
        {
            Actor = "lead@council.example", Role = AuditRole.Lead, Action = AuditActions.CommandReceived, Subject = subject,
            Details = details, RequestId = "req-first", IdempotencyKey = "command:" + key,
        });
        await h.Host.RunUntilIdleAsync();
        Assert.Equal(new DateOnly(2027, 2, 12), (await h.ViewAsync(id)).ConsultationCloses); // nothing reached the stage

        var retry = await h.Service.ExtendConsultationAsync(id, new DateOnly(2027, 2, 19), People.Lead, "req-retry", key);
        Assert.Equal((CycleResultKind.Repeated, key), (retry.Kind, retry.CommandId));
        await h.Host.RunUntilIdleAsync();
        var again = await h.Service.ExtendConsultationAsync(id, new DateOnly(2027, 2, 19), People.Lead, "req-again", key);
        Assert.Equal((CycleResultKind.Repeated, null), (again.Kind, again.CommandId)); // taken in: not handed over again
        await h.Host.RunUntilIdleAsync();

        Assert.Equal(new DateOnly(2027, 2, 19), (await h.ViewAsync(id)).ConsultationCloses);
        var trail = await h.Audit.ReadAllAsync(id);
        Assert.Single(trail, e => e.Action == AuditActions.CommandReceived);
        Assert.Single(trail, e => e.Action == AuditActions.DeadlineExtended);
        Assert.DoesNotContain(trail, e => e.Action == AuditActions.CommandRefused);
    }
}
