using System.Net;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using ReviewWorkflow.Workflow.Cycles;

namespace ReviewWorkflow.Web.Tests.Api;

/// <summary>One app shared by the API tests that do not move the clock (it starts on Monday 2 March 2026, 10:00 UK time,
/// so <see cref="ApiCycleJson"/>'s dates are all still ahead). The classes of the collection run one after another.</summary>
public sealed class ApiHostFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    public ApiFactory App { get; private set; } = null!;

    public HttpClient Lead { get; private set; } = null!;

    public HttpClient Clerk { get; private set; } = null!;

    public HttpClient Anonymous { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await ApiFactory.StartAsync(Start);
        Lead = App.ClientAs(ApiCycleJson.LeadEmail);
        Clerk = App.ClientAs(ApiCycleJson.ClerkEmail);
        Anonymous = App.ClientAs(null);
    }

    public async Task DisposeAsync()
    {
        Lead.Dispose();
        Clerk.Dispose();
        Anonymous.Dispose();
        await App.DisposeAsync();
    }

    /// <summary>A new cycle started through the API, its consultation requests sent.</summary>
    public async Task<string> ConsultingCycleAsync()
    {
        using var started = await Lead.PostJsonAsync("/api/cycles", ApiCycleJson.Start(), ApiCalls.NewKey());
        var id = (await started.JsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        await WaitForAsync(App, id, v => v.Stage == CycleStage.Consultation && v.Counts.RequestsSent == 3, "the consultation requests");
        await SnapshotAsync(id); // the last request's audit row may land just after the count
        return id;
    }

    /// <summary>A new cycle whose consultation the lead closed: drafting.</summary>
    public async Task<string> DraftingCycleAsync()
    {
        var id = await ConsultingCycleAsync();
        using var closed = await Lead.PostJsonAsync($"/api/cycles/{id}/consultation/close", null, ApiCalls.NewKey());
        Assert.Equal(HttpStatusCode.Accepted, closed.StatusCode);
        await WaitForAsync(App, id, v => v.Stage == CycleStage.Drafting, "drafting");
        await SnapshotAsync(id);
        return id;
    }

    /// <summary>A new cycle with its draft submitted: the report is with the Corporate Parenting Panel.</summary>
    public async Task<string> RatificationCycleAsync()
    {
        var id = await DraftingCycleAsync();
        using var drafted = await Lead.PostJsonAsync($"/api/cycles/{id}/drafts", ApiCycleJson.Draft(), ApiCalls.NewKey());
        Assert.Equal(HttpStatusCode.Accepted, drafted.StatusCode);
        await WaitForAsync(App, id, v => v.Stage == CycleStage.Ratification && v.CurrentBody == ApiCycleJson.Panel, "the report with the Panel");
        await SnapshotAsync(id);
        return id;
    }

    /// <summary>Polls the cycle until <paramref name="done"/> holds and the stage's orchestration is running (so the next
    /// command reaches it), or fails after a generous deadline showing the last view.</summary>
    public static async Task<CycleView> WaitForAsync(ApiFactory app, string id, Func<CycleView, bool> done, string what)
    {
        var client = app.Services.GetRequiredService<DurableTaskClient>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        CycleView? view = null;
        while (!timeout.IsCancellationRequested)
        {
            view = await app.Cycles.GetCycleAsync(id);
            if (view is not null && done(view)
                && (view.Stage is CycleStage.Adopted or CycleStage.Closed || (await client.GetInstanceAsync(view.CommandTarget))?.IsRunning == true))
            {
                return view;
            }

            Assert.False(view?.RuntimeStatus == "failed", $"The cycle failed: {view?.Failure}");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        Assert.Fail($"Waited for {what}; last view: stage {view?.Stage}, body {view?.CurrentBody}, requests sent {view?.Counts.RequestsSent}, failure {view?.Failure}");
        return view!;
    }

    public enum SharedStage
    {
        Consultation,
        Drafting,
        Ratification,
    }

    private readonly Dictionary<SharedStage, Task<string>> _shared = [];

    /// <summary>One cycle per stage shared by tests whose calls are all refused (they must leave it as it is).</summary>
    public Task<string> SharedCycleAsync(SharedStage stage)
    {
        lock (_shared)
        {
            if (!_shared.TryGetValue(stage, out var cycle) || cycle.IsFaulted)
            {
                _shared[stage] = cycle = stage switch
                {
                    SharedStage.Drafting => DraftingCycleAsync(),
                    SharedStage.Ratification => RatificationCycleAsync(),
                    _ => ConsultingCycleAsync(),
                };
            }

            return cycle;
        }
    }

    /// <summary>
    /// What a refused call must leave alone: the cycle as the API shows it (less its update time and the deadline's
    /// "overdue", which moves with the clock) and its audit rows. The orchestration's own rows and status may still be
    /// landing just after a stage change, so this waits until two reads agree.
    /// </summary>
    public async Task<string> SnapshotAsync(string id)
    {
        var previous = await ReadSnapshotAsync(id);
        for (var attempt = 0; attempt < 50; attempt++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200));
            var current = await ReadSnapshotAsync(id);
            if (current == previous)
            {
                return current;
            }

            previous = current;
        }

        return previous;
    }

    private async Task<string> ReadSnapshotAsync(string id)
    {
        using var cycle = await Lead.GetAsync($"/api/cycles/{id}");
        var json = await cycle.JsonAsync(HttpStatusCode.OK);
        json.Remove("updatedAt");
        json.Remove("nextDeadline");
        var rows = (await App.Audit.ReadAllAsync(id)).Select(r => $"{r.Sequence} {r.Action} {r.IdempotencyKey}");
        return $"{json.ToJsonString()} audit rows: {string.Join("; ", rows)}";
    }
}

[CollectionDefinition(Name)]
public sealed class ApiHostGroup : ICollectionFixture<ApiHostFixture>
{
    public const string Name = "API on one app";
}
