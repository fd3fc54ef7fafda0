using System.Net;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using ReviewWorkflow.App.Tests.Infrastructure;
using ReviewWorkflow.DurableTask.Configuration;
using ReviewWorkflow.Testing;
using ReviewWorkflow.Web.Tests.Api;
using ReviewWorkflow.Workflow.Cycles;

namespace ReviewWorkflow.App.Tests.Split;

/// <summary>
/// The split Azure uses, on one machine: the web app with its worker off (only the Durable Task client, as App Service
/// runs it) beside a separate worker-only OS process (the role of the Functions app) on the same Azurite. A whole
/// cycle driven through the web API reaches adoption: everything between the two processes goes through storage.
/// </summary>
public sealed class WebAppAndWorkerSplitTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_web_app_without_a_worker_and_a_worker_only_process_run_a_whole_cycle_through_storage_alone()
    {
        var outbox = Path.Combine(Path.GetTempPath(), "rw-split-" + Guid.NewGuid().ToString("N"));
        var settings = await IsolatedAppSettings.AppAsync("split", outbox);
        settings["Workflow:PublicBaseUrl"] = "https://reviews.council.example/";

        await using var worker = WorkerProcess.Start(settings);
        var web = new Dictionary<string, string?>(settings) { ["Durable:WorkerEnabled"] = "false" };
        var clock = new ShiftedClock(ShiftedCycleJson.Start);
        await using var app = await RunningApp.StartAsync(web, b => b.Services.AddSingleton<TimeProvider>(clock), environment: "Development");
        Assert.False(app.Services.GetRequiredService<IOptions<DurableTaskOptions>>().Value.WorkerEnabled);
        using var lead = Client(app, ApiCycleJson.LeadEmail);
        using var clerk = Client(app, ApiCycleJson.ClerkEmail);

        using var started = await lead.PostJsonAsync("/api/cycles", ShiftedCycleJson.Shifted(ApiCycleJson.Start()), ApiCalls.NewKey());
        var id = (await started.JsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        await WaitForAsync(app, worker, id, v => v.Stage == CycleStage.Consultation && v.Counts.RequestsSent == 3, "the consultation requests (sent by the worker)");

        await CommandAsync(lead, $"/api/cycles/{id}/consultation/close", null);
        await WaitForAsync(app, worker, id, v => v.Stage == CycleStage.Drafting, "drafting");

        await CommandAsync(lead, $"/api/cycles/{id}/drafts", ApiCycleJson.Draft());
        await WaitForAsync(app, worker, id, v => v.Stage == CycleStage.Ratification && v.CurrentBody == ApiCycleJson.Panel, "the report with the Panel");

        var panel = ShiftedCycleJson.Shift(ApiCycleJson.PanelMeets);
        clock.JumpTo(ApiCycleJson.Midday(panel));
        await CommandAsync(clerk, $"/api/cycles/{id}/decisions", ApiCycleJson.Decision(ApiCycleJson.Panel, panel, "endorse"));
        await WaitForAsync(app, worker, id, v => v.CurrentBody == ApiCycleJson.Cabinet, "the report with Cabinet");

        var cabinet = ShiftedCycleJson.Shift(ApiCycleJson.CabinetMeets);
        clock.JumpTo(ApiCycleJson.Midday(cabinet));
        await CommandAsync(clerk, $"/api/cycles/{id}/decisions", ApiCycleJson.Decision(ApiCycleJson.Cabinet, cabinet, "adopt"));
        var adopted = await WaitForAsync(app, worker, id, v => v.Stage == CycleStage.Adopted, "adoption");

        Assert.Equal(cabinet, adopted.AdoptedOn);
        using var audit = await lead.GetAsync($"/api/cycles/{id}/audit/verify");
        Assert.True((await audit.JsonAsync(HttpStatusCode.OK))["valid"]!.GetValue<bool>(), "the audit chain written by both processes does not verify");
        Assert.False(worker.HasExited, "the worker process died:\n" + worker.Output);
    }

    private static HttpClient Client(RunningApp app, string email)
    {
        var client = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Dev-User", email);
        return client;
    }

    private static async Task CommandAsync(HttpClient client, string path, JsonNode? body)
    {
        using var response = await client.PostJsonAsync(path, body, ApiCalls.NewKey());
        await response.JsonAsync(HttpStatusCode.Accepted);
    }

    /// <summary>Polls the cycle (read by the web app from storage) until <paramref name="done"/> holds and the stage's
    /// orchestration runs, so the next command reaches it; shows the worker's output when it gives up.</summary>
    private static async Task<CycleView> WaitForAsync(RunningApp app, WorkerProcess worker, string id, Func<CycleView, bool> done, string what)
    {
        var cycles = app.Services.GetRequiredService<ReviewCycleService>();
        var client = app.Services.GetRequiredService<DurableTaskClient>();
        using var timeout = new CancellationTokenSource(Deadline);
        CycleView? view = null;
        while (!timeout.IsCancellationRequested && !worker.HasExited)
        {
            view = await cycles.GetCycleAsync(id);
            if (view is not null && done(view)
                && (view.Stage is CycleStage.Adopted or CycleStage.Closed || (await client.GetInstanceAsync(view.CommandTarget))?.IsRunning == true))
            {
                return view;
            }

            Assert.False(view?.RuntimeStatus == "failed", $"The cycle failed: {view?.Failure}");
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        Assert.Fail($"Waited for {what}; last view: stage {view?.Stage}, body {view?.CurrentBody}, requests sent {view?.Counts.RequestsSent}, "
            + $"failure {view?.Failure}. Worker (exited: {worker.HasExited}) said:\n{worker.Output}");
        return view!;
    }
}
