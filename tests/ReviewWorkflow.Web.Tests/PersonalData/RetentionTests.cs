using System.Net;
using ReviewWorkflow.Web.Tests.Api;
using ReviewWorkflow.Web.Tests.Infrastructure;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.PersonalData;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Web.Tests.PersonalData;

/// <summary>Issue 15, point 2: once the retention months after adoption pass on the app's clock, the durable retention
/// process removes every consultee's personal data; counts, views and decisions stay and the chain verifies.</summary>
public sealed class RetentionTests
{
    [Fact]
    public async Task Moving_the_clock_past_the_retention_date_makes_the_durable_process_remove_every_consultees_data()
    {
        await using var host = await WebTestHost.StartAsync(start: ApiHostFixture.Start, settings: new Dictionary<string, string?> { ["Workflow:Council:PersonalDataRetentionMonths"] = "6" });
        var cycle = await ConsultedCycle.StartAsync(host);
        var id = cycle.CycleId;
        await AdoptAsync(host, id);
        var schedule = host.Services.GetRequiredService<RetentionSchedule>();
        var status = await schedule.StatusAsync(id);
        Assert.Equal(new DateOnly(2026, 10, 15), DateOnly.FromDateTime(status.DueAt!.Value.UtcDateTime));
        Assert.Null(status.RemovedAt);
        using (var page = await host.ClientAs(ApiCycleJson.LeadEmail).GetAsync($"/cycles/{id}"))
        {
            Assert.Contains("Personal data will be removed on 15 October 2026", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // A day before: nothing happens. Past the date: the retention orchestration wakes on the app's clock.
        host.Clock.JumpTo(new DateTimeOffset(2026, 10, 14, 11, 0, 0, TimeSpan.Zero));
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Null((await schedule.StatusAsync(id)).RemovedAt);
        host.Clock.JumpTo(new DateTimeOffset(2026, 10, 16, 11, 0, 0, TimeSpan.Zero));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while ((await schedule.StatusAsync(id)).RemovedAt is null)
        {
            await Task.Delay(250, timeout.Token);
        }

        Assert.Empty(await StorageScan.FindAsync(host.Services, host.OutboxFolder,
            ConsultedCycle.Riley, ConsultedCycle.RileyWords, ConsultedCycle.Pat, ConsultedCycle.PatWords, "casey@young.example"));
        var view = await host.Cycles.GetCycleAsync(id);
        Assert.Equal(CycleStage.Adopted, view!.Stage);
        Assert.Equal(1, view.Counts.ResponsesSubmitted);
        var responses = await host.Services.GetRequiredService<ResponseStore>().ListAsync(id);
        Assert.All(responses, r => Assert.True(r.Erased));
        Assert.Contains(responses, r => r.Submitted && r.Content.Answers.Single().View == PledgeView.Disagree);
        var audit = host.Services.GetRequiredService<AuditLog>();
        Assert.True((await audit.VerifyAsync(id)).Valid);
        var trail = await audit.ReadAllAsync(id);
        Assert.Contains(trail, e => e.Action == AuditActions.Adopted);
        Assert.Contains(trail, e => e.Action == AuditActions.PersonalDataRetentionApplied);
        using (var page = await host.ClientAs(ApiCycleJson.LeadEmail).GetAsync($"/cycles/{id}"))
        {
            Assert.Contains("Personal data removed on 16 October 2026", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    private static async Task AdoptAsync(WebTestHost host, string id)
    {
        using var lead = host.ClientAs(ApiCycleJson.LeadEmail);
        using var clerk = host.ClientAs(ApiCycleJson.ClerkEmail);
        (await lead.PostJsonAsync($"/api/cycles/{id}/consultation/close", null, ApiCalls.NewKey())).Dispose();
        await ConsultedCycle.WaitAsync(host, id, v => v.Stage == CycleStage.Drafting, "drafting");
        (await lead.PostJsonAsync($"/api/cycles/{id}/drafts", ApiCycleJson.Draft(), ApiCalls.NewKey())).Dispose();
        await ConsultedCycle.WaitAsync(host, id, v => v.Stage == CycleStage.Ratification && v.CurrentBody == ApiCycleJson.Panel, "the Panel");
        host.Clock.JumpTo(ApiCycleJson.Midday(ApiCycleJson.PanelMeets));
        using (var panel = await clerk.PostJsonAsync($"/api/cycles/{id}/decisions", ApiCycleJson.Decision(ApiCycleJson.Panel, ApiCycleJson.PanelMeets, "endorse"), ApiCalls.NewKey()))
        {
            Assert.Equal(HttpStatusCode.Accepted, panel.StatusCode);
        }

        await ConsultedCycle.WaitAsync(host, id, v => v.CurrentBody == ApiCycleJson.Cabinet, "Cabinet");
        host.Clock.JumpTo(ApiCycleJson.Midday(ApiCycleJson.CabinetMeets));
        using (var cabinet = await clerk.PostJsonAsync($"/api/cycles/{id}/decisions", ApiCycleJson.Decision(ApiCycleJson.Cabinet, ApiCycleJson.CabinetMeets, "adopt"), ApiCalls.NewKey()))
        {
            Assert.Equal(HttpStatusCode.Accepted, cabinet.StatusCode);
        }

        await ConsultedCycle.WaitAsync(host, id, v => v.Stage == CycleStage.Adopted, "adoption");
    }
}
