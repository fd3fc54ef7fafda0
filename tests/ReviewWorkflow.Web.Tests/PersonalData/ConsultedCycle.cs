using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ReviewWorkflow.Notifications.Outbox;
using ReviewWorkflow.Web.Tests.Api;
using ReviewWorkflow.Web.Tests.Infrastructure;
using ReviewWorkflow.Workflow.Cycles;

namespace ReviewWorkflow.Web.Tests.PersonalData;

/// <summary>A cycle of <see cref="ApiCycleJson"/> on its own app, its requests sent, Riley's response submitted with
/// words of their own and Pat's saved: the data an erasure or retention must remove (Riley's) or keep (Pat's).</summary>
internal sealed record ConsultedCycle(WebTestHost Host, string CycleId, IReadOnlyDictionary<string, string> Tokens)
{
    public const string Riley = "riley@young.example";
    public const string RileyName = "Riley";
    public const string RileyWords = "My social worker Quentin-Fictional changed three times";
    public const string Pat = "pat@carers.example";
    public const string PatWords = "Respite weekends for carers please";

    public static async Task<ConsultedCycle> StartAsync(WebTestHost host)
    {
        using var lead = host.ClientAs(ApiCycleJson.LeadEmail);
        using var started = await lead.PostJsonAsync("/api/cycles", ApiCycleJson.Start(), ApiCalls.NewKey());
        var id = (await started.JsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        await WaitAsync(host, id, v => v.Counts.RequestsSent == 3, "the requests");
        var tokens = (await host.Services.GetRequiredService<IOutbox>().ListAsync())
            .Where(m => m.IdempotencyKey.StartsWith($"consultation-request/{id}/", StringComparison.Ordinal))
            .ToDictionary(m => m.To, m => m.Links.First(l => l.Contains("/respond/", StringComparison.Ordinal)).Split("/respond/")[1]);
        var cycle = new ConsultedCycle(host, id, tokens);
        Assert.Equal(HttpStatusCode.OK, (await cycle.SaveAsync(Riley, RileyWords)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cycle.SendAsync(HttpMethod.Post, $"/api/responses/{tokens[Riley]}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cycle.SaveAsync(Pat, PatWords)).StatusCode);
        return cycle;
    }

    public Task<HttpResponseMessage> SaveAsync(string email, string words) =>
        SendAsync(HttpMethod.Put, $"/api/responses/{Tokens[email]}", $$"""{ "answers": [ { "pledge": 1, "view": "disagree", "comment": "{{words}}" } ], "comments": "{{words}}" }""");

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string? body)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        }

        request.Headers.Add("Idempotency-Key", ApiCalls.NewKey());
        return await Host.Client.SendAsync(request);
    }

    public static async Task<CycleView> WaitAsync(WebTestHost host, string id, Func<CycleView, bool> done, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        CycleView? view = null;
        while (!timeout.IsCancellationRequested)
        {
            view = await host.Cycles.GetCycleAsync(id);
            if (view is not null && done(view)
                && (view.Stage is CycleStage.Adopted or CycleStage.Closed
                    || (await host.Services.GetRequiredService<Microsoft.DurableTask.Client.DurableTaskClient>().GetInstanceAsync(view.CommandTarget))?.IsRunning == true))
            {
                return view;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"Waited for {what}; last stage {view?.Stage}, failure {view?.Failure}");
        return view!;
    }
}
