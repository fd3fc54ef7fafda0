using Microsoft.Extensions.DependencyInjection;
using ReviewWorkflow.Workflow.Calendar;
using ReviewWorkflow.Workflow.Cycles.ReadModel;
using ReviewWorkflow.Workflow.Tests.Fixtures;

namespace ReviewWorkflow.Workflow.Tests.Calendar;

/// <summary>The read-model hook: a change of a real cycle (started on the engine, read through the façade) sends each
/// committee meeting's invitation to the clerk and the lead once, however often the change is reported.</summary>
public sealed class CalendarCycleListenerTests
{
    [Fact]
    public async Task A_reported_change_invites_the_clerk_and_the_lead_to_each_meeting_once()
    {
        await using var harness = await CycleHarness.StartAsync(new CycleWorld(CycleSteps.Start));
        var id = await harness.StartRutlandAsync();
        var services = harness.Host.Services;
        var listener = ActivatorUtilities.CreateInstance<CalendarCycleListener>(services);
        var record = await services.GetRequiredService<ReviewCycleTable>().GetAsync(id) ?? throw new InvalidOperationException("no row");

        await listener.CycleChangedAsync(record, CancellationToken.None);
        await listener.CycleChangedAsync(record, CancellationToken.None);

        var invitations = harness.Sent.Where(s => s.Key.StartsWith("meeting-invitation:", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, invitations.Count); // Panel, Cabinet and Council, to the clerk and the lead
        Assert.Equal(3, invitations.Count(s => s.To == "clerk@council.example"));
        Assert.Equal(3, invitations.Count(s => s.To == "lead@council.example"));
        Assert.Equal(3, (await services.GetRequiredService<MeetingEventStore>().ListAsync(id)).Count);
    }
}
