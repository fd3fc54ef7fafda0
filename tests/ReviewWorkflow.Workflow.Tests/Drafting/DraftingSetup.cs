using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Drafting;
using ReviewWorkflow.Workflow.Tests.Fixtures;

namespace ReviewWorkflow.Workflow.Tests.Drafting;

/// <summary>A drafting round of the Rutland-like cycle, started at a given time, for <see cref="DraftingStage"/> tests.</summary>
internal static class DraftingSetup
{
    public static DateTime SendAt(int month, int day) => CouncilTime.SendAt(new DateOnly(2027, month, day), CouncilSettings.Default);

    public static DraftingStage Stage(DateTime start, ReviewCycleDefinition? definition = null, int round = 1, DecisionSummary? referredBack = null)
    {
        var cycle = definition ?? RutlandLikeCycle.Definition;
        return new DraftingStage(new DraftingInput
        {
            CycleId = cycle.Id,
            Round = round,
            Definition = cycle,
            Status = CycleStatusPublisher.First(cycle, start),
            ReferredBack = referredBack,
            Now = start,
        });
    }

    public static WorkflowCommand Submit(string version, string id) =>
        new() { Id = id, Kind = CommandKind.SubmitDraft, Actor = "lead@council.example", Draft = CycleSteps.Draft(version) };

    public static WorkflowCommand SignOff(bool approved, string id, string? comments = null) =>
        new() { Id = id, Kind = CommandKind.SignOff, Actor = "director@council.example", Approved = approved, Comments = comments };

    public static StaffNotice Notice(StageEffect effect) => Assert.IsType<SendStaffNotice>(effect).Notice;
}
