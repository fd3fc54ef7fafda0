using ReviewWorkflow.Web.Tests.Infrastructure;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Web.Tests.Consultees;

/// <summary>
/// A pledge cycle in the spring 2026 calendar consulting one partner organisation (Northbridge Integrated Care Board,
/// whose link Dr Jordan Example shares with colleagues) and one foster carer (a personal link). Each call starts its own
/// cycle, so tests sharing a host never touch each other's responses.
/// </summary>
internal sealed record PartnerCycle(WebTestHost Host, string CycleId, string Partner, string Carer)
{
    public const string PartnerEmail = "jordan.example@health.example";
    public const string PartnerOwner = "Dr Jordan Example";
    public const string Organisation = "Northbridge Integrated Care Board";
    public const string CarerEmail = "pat@carers.example";
    public const string Lead = "lead@council.example";

    public static string PartnerId => ConsulteeId.For(PartnerEmail);

    public static async Task<PartnerCycle> StartAsync(WebTestHost host)
    {
        var id = "cyc-" + Guid.NewGuid().ToString("N")[..12];
        var result = await host.Cycles.StartCycleAsync(Definition(id), new Actor(Lead, AuditRole.Lead), "test", "start-" + id);
        Assert.True(result.Kind == CycleResultKind.Accepted, $"{result.Kind}: " + string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        var links = await ConsulteeCycle.LinksAsync(host, id, expected: 2);
        return new PartnerCycle(host, id, links[PartnerEmail], links[CarerEmail]);
    }

    public Task<StoredResponse?> PartnerResponseAsync() => Host.Services.GetRequiredService<ResponseStore>().GetAsync(CycleId, PartnerId);

    /// <summary>The consultee audit rows about the partner's response (saves and the submission).</summary>
    public async Task<IReadOnlyList<AuditEntry>> PartnerAuditAsync() =>
        [.. (await Host.Services.GetRequiredService<AuditLog>().ReadAllAsync(CycleId)).Where(e => e.Subject == PartnerId && e.Role == AuditRole.Consultee)];

    private static ReviewCycleDefinition Definition(string id) => new()
    {
        Id = id,
        Strategy = new Strategy
        {
            Title = "Care Leavers Local Offer 2026-2029",
            Kind = StrategyKind.Pledge,
            OwningService = "Children's Social Care",
            PeriodStart = new DateOnly(2026, 6, 1),
            PeriodEnd = new DateOnly(2029, 5, 31),
            Pledges = ConsulteeCycle.Pledges,
        },
        Lead = new Person { Name = "Alex Example", Email = Lead },
        Consultation = new ConsultationPlan
        {
            Opens = new DateOnly(2026, 3, 2),
            Closes = ConsulteeCycle.Closes,
            Groups =
            [
                new ConsulteeGroup
                {
                    Name = "Health partners",
                    Audience = Audience.Partners,
                    Members = [new() { Name = PartnerOwner, Email = PartnerEmail, Organisation = Organisation }],
                },
                new ConsulteeGroup
                {
                    Name = "Foster carers",
                    Audience = Audience.Carers,
                    Members = [new() { Name = "Pat Carer", Email = CarerEmail }],
                },
            ],
        },
        DraftingDeadline = new DateOnly(2026, 3, 20),
        Route =
        [
            new RouteStep { Body = "Corporate Parenting Panel", MeetingDate = new DateOnly(2026, 4, 15), ClerkEmail = "clerk@council.example" },
            new RouteStep { Body = "Cabinet", MeetingDate = new DateOnly(2026, 4, 29), ClerkEmail = "clerk@council.example" },
        ],
    };
}
