using Microsoft.DurableTask.Client;
using ReviewWorkflow.Web.Tests.Infrastructure;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;

namespace ReviewWorkflow.Web.Tests.ClerkPages;

/// <summary>
/// A small cycle driven through the façade to the Corporate Parenting Panel (then Cabinet), with dates from the host's
/// today: consultation a week, drafting another, the Panel on the first Wednesday four weeks on, Cabinet two weeks later.
/// </summary>
internal sealed record ClerkCycle(string Id, string Title, DateOnly PanelMeets, DateOnly CabinetMeets)
{
    public const string Panel = "Corporate Parenting Panel";

    public const string Cabinet = "Cabinet";

    public static readonly Actor Lead = new("lead@council.example", AuditRole.Lead);

    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    /// <summary>Starts a cycle and takes it to ratification (closed early, draft submitted); returns when the Panel has it.</summary>
    public static async Task<ClerkCycle> ToPanelAsync(WebTestHost host, string title = "Care Leavers Local Offer")
    {
        var cycles = host.Cycles;
        var today = CouncilClock.Today(host.Clock, cycles.Settings);
        var panel = today.AddDays(28);
        while (panel.DayOfWeek != DayOfWeek.Wednesday)
        {
            panel = panel.AddDays(1);
        }

        var cycle = new ClerkCycle("clerk-" + Guid.NewGuid().ToString("N")[..10], title, panel, panel.AddDays(14));
        await OkAsync(cycles.StartCycleAsync(cycle.Definition(today), Lead, "req-start", "start-" + cycle.Id));
        await cycle.WaitForAsync(host, v => v.CommandTarget != v.CycleId, "the consultation");
        await OkAsync(cycles.CloseConsultationAsync(cycle.Id, Lead, "req-close", "close-" + cycle.Id));
        await cycle.WaitForAsync(host, v => v.Stage == CycleStage.Drafting, "drafting");
        await OkAsync(cycles.SubmitDraftAsync(cycle.Id, new DraftSubmission
        {
            Version = "1.0",
            DocumentUrl = "https://docs.council.example/local-offer-1.0.docx",
            YouSaidWeDid = [new YouSaidWeDid { Theme = "A safe, stable home", YouSaid = "Help with the first tenancy.", WeDid = "A setting-up-home grant." }],
        }, Lead, "req-draft", "draft-" + cycle.Id));
        await cycle.WaitForAsync(host, v => v.Stage == CycleStage.Ratification && v.CurrentBody == Panel, "the report with the Panel");
        return cycle;
    }

    /// <summary>Midday UK time on <paramref name="day"/>.</summary>
    public static DateTimeOffset Midday(DateOnly day) => new(day, new TimeOnly(11, 0), TimeSpan.Zero);

    /// <summary>Polls the cycle until <paramref name="done"/> holds and the orchestration taking commands runs.</summary>
    public async Task<CycleView> WaitForAsync(WebTestHost host, Func<CycleView, bool> done, string what)
    {
        var client = host.Services.GetRequiredService<DurableTaskClient>();
        using var timeout = new CancellationTokenSource(Deadline);
        CycleView? view = null;
        while (!timeout.IsCancellationRequested)
        {
            view = await host.Cycles.GetCycleAsync(Id);
            if (view is not null && done(view)
                && (view.Stage is CycleStage.Adopted or CycleStage.Closed || (await client.GetInstanceAsync(view.CommandTarget))?.IsRunning == true))
            {
                return view;
            }

            Assert.False(view?.RuntimeStatus == "failed", $"The cycle failed: {view?.Failure}");
            await Task.Delay(200);
        }

        Assert.Fail($"Waited {Deadline} for {what}; last view: stage {view?.Stage}, body {view?.CurrentBody}");
        return view!;
    }

    private ReviewCycleDefinition Definition(DateOnly today) => new()
    {
        Id = Id,
        Strategy = new Strategy
        {
            Title = Title,
            Kind = StrategyKind.Pledge,
            OwningService = "Children's Social Care",
            PeriodStart = today.AddMonths(3),
            PeriodEnd = today.AddMonths(3).AddYears(3).AddDays(-1),
            Pledges = ["Care leavers have a safe, stable home", "Care leavers have help into work, education or training"],
        },
        Lead = new Person { Name = "Priya Shah", Email = Lead.Email },
        Consultation = new ConsultationPlan
        {
            Opens = today,
            Closes = today.AddDays(7),
            Groups =
            [
                new ConsulteeGroup
                {
                    Name = "Voices Matter (Children in Care Council)",
                    Audience = Audience.YoungPeople,
                    Members = [new Consultee { Name = "Aisha K", Email = "aisha.k@voices.council.example" }],
                },
            ],
        },
        DraftingDeadline = today.AddDays(14),
        Route =
        [
            new RouteStep { Body = Panel, MeetingDate = PanelMeets, ClerkEmail = "clerk@council.example" },
            new RouteStep { Body = Cabinet, MeetingDate = CabinetMeets, ClerkEmail = "clerk@council.example" },
        ],
    };

    private static async Task OkAsync(Task<CycleResult> call)
    {
        var result = await call;
        Assert.True(result.Kind == CycleResultKind.Accepted, $"{result.Kind}: " + string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
    }
}
