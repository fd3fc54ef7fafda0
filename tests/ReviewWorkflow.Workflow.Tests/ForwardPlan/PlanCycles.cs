using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;

namespace ReviewWorkflow.Workflow.Tests.ForwardPlan;

/// <summary>Cycles as the read model shows them, built by hand for the forward plan's and the calendar's pure tests:
/// Corporate Parenting Panel (not key) then Cabinet (a key decision) then Council.</summary>
internal static class PlanCycles
{
    public static readonly DateOnly PanelMeets = new(2027, 3, 30);
    public static readonly DateOnly CabinetMeets = new(2027, 4, 20);
    public static readonly DateOnly CouncilMeets = new(2027, 5, 10);

    public static CycleView Pledge(string id = "cic-2027", string title = "Children in Care Pledge 2027-2030", CycleStage stage = CycleStage.Drafting) => new()
    {
        CycleId = id,
        Title = title,
        Stage = stage,
        Lead = new Person { Name = "Alex Example", Email = "lead@council.example" },
        ConsultationOpens = new DateOnly(2027, 1, 4),
        ConsultationCloses = new DateOnly(2027, 2, 12),
        DraftingDeadline = new DateOnly(2027, 3, 12),
        DraftVersion = "1.0",
        Route =
        [
            new RouteStep { Body = "Corporate Parenting Panel", MeetingDate = PanelMeets, ClerkEmail = "clerk@council.example" },
            new RouteStep { Body = "Cabinet", MeetingDate = CabinetMeets, MeetingTime = new TimeOnly(18, 30), KeyDecision = true, ClerkEmail = "clerk@council.example" },
            new RouteStep { Body = "Council", MeetingDate = CouncilMeets, ClerkEmail = "clerk@council.example" },
        ],
        StartedAt = new DateTimeOffset(2026, 12, 14, 10, 0, 0, TimeSpan.Zero),
        UpdatedAt = new DateTimeOffset(2026, 12, 14, 10, 0, 0, TimeSpan.Zero),
    };

    /// <summary><paramref name="cycle"/> with the body at <paramref name="index"/> deferred to <paramref name="date"/>.</summary>
    public static CycleView Deferred(CycleView cycle, int index, DateOnly date) => cycle with
    {
        Route = [.. cycle.Route.Select((s, i) => i == index ? s with { MeetingDate = date } : s)],
    };
}
