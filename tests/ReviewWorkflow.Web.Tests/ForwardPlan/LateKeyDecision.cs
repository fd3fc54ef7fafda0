using ReviewWorkflow.Web.Tests.Infrastructure;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;

namespace ReviewWorkflow.Web.Tests.ForwardPlan;

/// <summary>
/// A cycle started today with Cabinet (a key decision) eight weeks on, which nobody looks at until the host's clock is
/// moved to 16 days before Cabinet: the forward plan first shows it then, with fewer than 28 clear days' notice and more
/// than 5 left (either exception route is possible). (A cycle cannot be started with a key decision already too close:
/// the start is refused.) Nothing may read the forward plan, the clerk's list or the cycle page between the two steps.
/// </summary>
internal static class LateKeyDecision
{
    public static async Task<string> StartAsync(WebTestHost host, string title = "Care Leavers Local Offer")
    {
        var today = CouncilClock.Today(host.Clock, host.Cycles.Settings);
        var id = "late-" + Guid.NewGuid().ToString("N")[..10];
        var definition = new ReviewCycleDefinition
        {
            Id = id,
            Strategy = new Strategy
            {
                Title = title,
                Kind = StrategyKind.Pledge,
                OwningService = "Children's Social Care",
                PeriodStart = today.AddMonths(3),
                PeriodEnd = today.AddMonths(3).AddYears(3).AddDays(-1),
                Pledges = ["Care leavers have a safe, stable home"],
            },
            Lead = new Person { Name = "Priya Shah", Email = "lead@council.example" },
            Consultation = new ConsultationPlan
            {
                Opens = today,
                Closes = today.AddDays(7),
                Groups = [new ConsulteeGroup { Name = "Foster carers", Audience = Audience.Carers, Members = [new Consultee { Name = "Pat Carer", Email = "pat@carers.example" }] }],
            },
            DraftingDeadline = today.AddDays(21),
            Route =
            [
                new RouteStep { Body = "Corporate Parenting Panel", MeetingDate = today.AddDays(35), ClerkEmail = "clerk@council.example" },
                new RouteStep { Body = "Cabinet", MeetingDate = today.AddDays(56), KeyDecision = true, ClerkEmail = "clerk@council.example" },
            ],
        };
        var result = await host.Cycles.StartCycleAsync(definition, new Actor("lead@council.example", AuditRole.Lead), "req-late", "start-" + id);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        var cabinet = today.AddDays(56);
        host.Clock.JumpTo(new DateTimeOffset(cabinet.AddDays(-16).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero));
        return id;
    }
}
