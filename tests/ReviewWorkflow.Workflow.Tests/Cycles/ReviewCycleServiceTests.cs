using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Tests.Fixtures;

namespace ReviewWorkflow.Workflow.Tests.Cycles;

public sealed class ReviewCycleServiceTests
{
    [Fact]
    public async Task Starting_twice_with_the_same_key_starts_one_cycle()
    {
        await using var h = await CycleHarness.StartAsync(new CycleWorld(CycleSteps.Start));
        var definition = RutlandLikeCycle.Definition with { Id = "" };

        var first = await h.Service.StartCycleAsync(definition, People.Lead, "req-1", "same-key");
        var second = await h.Service.StartCycleAsync(definition, People.Lead, "req-2", "same-key");

        Assert.Equal(CycleResultKind.Accepted, first.Kind);
        Assert.Equal(CycleResultKind.Repeated, second.Kind);
        Assert.Equal(first.CycleId, second.CycleId);
        Assert.Equal(ReviewCycleService.DeriveId("same-key"), first.CycleId);
        Assert.Single(await h.Service.ListCyclesAsync());
        Assert.Single(await h.Audit.ReadAllAsync(first.CycleId!), e => e.Action == ReviewWorkflow.Workflow.Audit.AuditActions.CycleStarted);
    }

    [Fact]
    public async Task A_taken_id_with_another_key_is_a_conflict()
    {
        await using var h = await CycleHarness.StartAsync(new CycleWorld(CycleSteps.Start));
        await h.StartRutlandAsync();

        var clash = await h.Service.StartCycleAsync(RutlandLikeCycle.Definition, People.Lead, "req-2", "another-key");

        Assert.Equal(CycleResultKind.Conflict, clash.Kind);
        Assert.Equal("id", Assert.Single(clash.Errors).Field);
    }

    [Fact]
    public async Task An_invalid_cycle_is_refused_with_fields_and_nothing_starts()
    {
        await using var h = await CycleHarness.StartAsync(new CycleWorld(CycleSteps.Start));
        var bad = RutlandLikeCycle.Definition with { Route = [], DraftingDeadline = new DateOnly(2027, 2, 1) };

        var result = await h.Service.StartCycleAsync(bad, People.Lead, "req", "k");

        Assert.Equal(CycleResultKind.Invalid, result.Kind);
        Assert.Contains(result.Errors, e => e.Field == "route");
        Assert.Contains(result.Errors, e => e.Field == "consultation.closes");
        Assert.Empty(await h.Service.ListCyclesAsync());
        Assert.Empty(await h.Audit.ReadAllAsync(bad.Id));
    }

    [Fact]
    public async Task Commands_in_the_wrong_stage_or_for_unknown_cycles_change_nothing()
    {
        await using var h = await CycleHarness.StartAsync(new CycleWorld(CycleSteps.Start));
        var id = await h.StartRutlandAsync();

        Assert.Equal(CycleResultKind.NotFound, (await h.Service.CloseConsultationAsync("nope", People.Lead, "r", "k1")).Kind);
        var draft = await h.Service.SubmitDraftAsync(id, CycleSteps.Draft("0.1"), People.Lead, "r", "k2");
        Assert.Equal(CycleResultKind.Conflict, draft.Kind);
        var noKey = await h.Service.CloseConsultationAsync(id, People.Lead, "r", "");
        Assert.Equal("idempotencyKey", Assert.Single(noKey.Errors).Field);
        Assert.Equal(CycleStage.Consultation, (await h.ViewAsync(id)).Stage);
    }

    [Fact]
    public async Task The_next_review_template_copies_the_cycle_with_new_period_and_empty_dates()
    {
        await using var h = await CycleHarness.StartAsync(new CycleWorld(CycleSteps.Start));
        var id = await h.StartRutlandAsync();

        var template = await h.Service.GetTemplateAsync(id);

        Assert.NotNull(template);
        Assert.Equal("Children in Care and Care Leavers Pledge 2030-2033", template.Strategy.Title);
        Assert.Equal(new DateOnly(2030, 6, 1), template.Strategy.PeriodStart);
        Assert.Equal(new DateOnly(2033, 5, 31), template.Strategy.PeriodEnd);
        Assert.Equal(6, template.Strategy.Pledges.Count);
        Assert.Equal(12, template.AllConsultees().Count());
        Assert.All(template.Route, r => Assert.Equal(default, r.MeetingDate));
        Assert.Equal("", template.Id);
    }
}
