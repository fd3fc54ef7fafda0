using System.Net;
using System.Text;
using System.Text.Json;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Cycles;

namespace ReviewWorkflow.Web.Tests.Consultees;

/// <summary>
/// The consultee's form is served from the façade's in-memory cache (cycle definition, consultees, and the live status
/// for at most a second). A lead's extension or early close must still reach the consultee as soon as the cycle shows
/// it: in the process that sent the command, the very next consultee request sees it.
/// </summary>
[Collection(ConsulteeHostGroup.Name)]
public sealed class CachingTests(ConsulteeHost fixture)
{
    private const string Body = """{ "answers": [ { "pledge": 1, "view": "agree", "comment": "A safe home first." } ], "comments": "Thanks." }""";

    private static readonly Actor Lead = new("lead@council.example", AuditRole.Lead);

    private async Task<JsonElement> FormAsync(string token)
    {
        using var response = await fixture.Host.Client.GetAsync($"/api/responses/{token}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private async Task WaitForCycleAsync(string id, Func<CycleView, bool> done, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (await fixture.Host.Cycles.GetCycleAsync(id) is not { } view || !done(view))
        {
            Assert.False(timeout.IsCancellationRequested, $"Waited a minute for {what} on {id}.");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task An_extension_shows_on_the_consultees_form_as_soon_as_the_cycle_has_it()
    {
        var cycle = await ConsulteeCycle.StartAsync(fixture.Host);
        Assert.Equal("2026-03-13", (await FormAsync(cycle.Riley)).GetProperty("closes").GetString());
        Assert.Equal("2026-03-13", (await FormAsync(cycle.Casey)).GetProperty("closes").GetString()); // served from memory

        var extended = await fixture.Host.Cycles.ExtendConsultationAsync(cycle.CycleId, new DateOnly(2026, 3, 18), Lead, "req-extend", "extend-" + cycle.CycleId);
        Assert.True(extended.Kind == CycleResultKind.Accepted, $"{extended.Kind}: " + string.Join("; ", extended.Errors.Select(e => $"{e.Field}: {e.Message}")));
        await WaitForCycleAsync(cycle.CycleId, v => v.ConsultationCloses == new DateOnly(2026, 3, 18), "the extension");

        Assert.Equal("2026-03-18", (await FormAsync(cycle.Riley)).GetProperty("closes").GetString());
        Assert.Equal("2026-03-18", (await FormAsync(cycle.Pat)).GetProperty("closes").GetString());
    }

    [Fact]
    public async Task An_early_close_makes_the_next_submission_late_at_once()
    {
        var cycle = await ConsulteeCycle.StartAsync(fixture.Host);
        Assert.False((await FormAsync(cycle.Riley)).GetProperty("closedEarly").GetBoolean());

        var closed = await fixture.Host.Cycles.CloseConsultationAsync(cycle.CycleId, Lead, "req-close", "close-" + cycle.CycleId);
        Assert.Equal(CycleResultKind.Accepted, closed.Kind);
        await WaitForCycleAsync(cycle.CycleId, v => v.ConsultationClosedEarly, "the early close");

        Assert.True((await FormAsync(cycle.Casey)).GetProperty("closedEarly").GetBoolean());
        using var submit = await fixture.Host.Client.PostAsync($"/api/responses/{cycle.Riley}/submit", new StringContent(Body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        var stored = await cycle.StoredAsync(ConsulteeCycle.RileyEmail);
        Assert.True(stored!.Submitted);
        Assert.True(stored.Late); // the cycle's default rule: accepted and marked late
    }
}
