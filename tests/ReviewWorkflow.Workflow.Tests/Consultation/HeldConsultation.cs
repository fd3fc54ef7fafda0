using Microsoft.Extensions.DependencyInjection;
using ReviewWorkflow.Directory;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Tests.Fixtures;

namespace ReviewWorkflow.Workflow.Tests.Consultation;

/// <summary>A Rutland-like cycle opening on its start day (Monday 14 December 2026; the clock at 10:00, after the 09:00
/// send time) with a fourth group read from the directory's "partners" group, on a harness whose directory cannot read
/// that group until the test says so.</summary>
internal static class HeldConsultation
{
    public const string GroupName = "Partner agencies";

    public static readonly DateOnly Today = new(2026, 12, 14);

    public static ReviewCycleDefinition Definition(string id) => RutlandLikeCycle.Definition with
    {
        Id = id,
        Consultation = RutlandLikeCycle.Definition.Consultation with
        {
            Opens = Today,
            Groups = [.. RutlandLikeCycle.Definition.Consultation.Groups, new ConsulteeGroup { Name = GroupName, Audience = Audience.Partners, DirectoryGroupId = SwitchableDirectory.GroupId }],
        },
    };

    public static async Task<(CycleHarness Harness, SwitchableDirectory Directory)> StartHarnessAsync()
    {
        var directory = new SwitchableDirectory();
        var harness = await CycleHarness.StartAsync(new CycleWorld(CycleSteps.Start), services: s => s.AddSingleton<IDirectory>(directory));
        return (harness, directory);
    }

    public static async Task<string> StartAsync(CycleHarness h, string id)
    {
        var result = await h.Service.StartCycleAsync(Definition(id), People.Lead, "req-start", "start-" + id);
        Assert.Equal(CycleResultKind.Accepted, result.Kind);
        await h.Host.RunUntilIdleAsync();
        return result.CycleId!;
    }

    public static DateTimeOffset At(int hour, int minute = 0) => new(2026, 12, 14, hour, minute, 0, TimeSpan.Zero);

    public static List<SentEmail> Requests(this CycleHarness h) => [.. h.Sent.Where(s => s.Category == "consultation-request")];

    public static List<SentEmail> HoldEmails(this CycleHarness h) => [.. h.Sent.Where(s => s.Category == "consultation-hold")];
}
