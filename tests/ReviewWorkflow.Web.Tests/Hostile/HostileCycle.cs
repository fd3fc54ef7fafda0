using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReviewWorkflow.Notifications.Outbox;
using ReviewWorkflow.Web.Tests.Infrastructure;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Web.Tests.Hostile;

/// <summary>
/// One app with one review cycle started through the API whose every text field carries script, HTML or formula
/// text, its consultation requests sent (Monday 2 March 2026, after the 09:00 send time). The hostile tests attack it
/// and then read the state back to show nothing changed.
/// </summary>
public sealed class HostileCycle : IAsyncLifetime
{
    public const string Script = "<script>alert(1)</script>";
    public const string Formula = "=HYPERLINK(\"http://evil.example\",\"click\")";
    public const string Lead = "lead@council.example";
    public const string Clerk = "clerk@council.example";
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    public WebTestHost Host { get; private set; } = null!;

    public string CycleId { get; private set; } = "";

    /// <summary>Consultee email → their personal link token, from the consultation request emails.</summary>
    public IReadOnlyDictionary<string, string> Tokens { get; private set; } = new Dictionary<string, string>();

    public static string Title => $"Care leavers' offer {Script}";

    public static JsonObject StartBody(string title) => new()
    {
        ["strategy"] = new JsonObject
        {
            ["title"] = title,
            ["periodStart"] = "2026-06-01",
            ["periodEnd"] = "2029-05-31",
            ["pledges"] = new JsonArray(Formula, "+SUM(1,2)", "Help with <b>housing</b> & -money"),
        },
        ["lead"] = new JsonObject { ["name"] = "Alex <i>Example</i>", ["email"] = Lead },
        ["consultation"] = new JsonObject
        {
            ["closes"] = "2026-03-13",
            ["groups"] = new JsonArray(
                new JsonObject
                {
                    ["name"] = "@Voices <u>Matter</u>",
                    ["audience"] = "young-people",
                    ["members"] = new JsonArray(
                        new JsonObject { ["name"] = "Riley <img src=x onerror=alert(1)>", ["email"] = "riley@young.example" },
                        new JsonObject { ["name"] = "-Casey", ["email"] = "casey@young.example" }),
                },
                new JsonObject
                {
                    ["name"] = "Foster carers",
                    ["audience"] = "carers",
                    ["members"] = new JsonArray(new JsonObject { ["name"] = "Pat Carer", ["email"] = "pat@carers.example" }),
                }),
        },
        ["draftingDeadline"] = "2026-03-20",
        ["route"] = new JsonArray(
            new JsonObject { ["body"] = "Corporate Parenting Panel", ["meetingDate"] = "2026-04-01", ["keyDecision"] = false },
            new JsonObject { ["body"] = "Cabinet", ["meetingDate"] = "2026-04-15", ["keyDecision"] = true }),
    };

    public async Task InitializeAsync()
    {
        // The SendGrid webhook checks signatures against this key; the attacks sign with others or not at all.
        using var webhookKey = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        Host = await WebTestHost.StartAsync("Development", new Dictionary<string, string?>
        {
            ["Email:WebhookPublicKey"] = Convert.ToBase64String(webhookKey.ExportSubjectPublicKeyInfo()),
        }, Start);
        using var lead = Host.ClientAs(Lead);
        using var started = await SendAsync(lead, HttpMethod.Post, "/api/cycles", StartBody(Title).ToJsonString(), key: "hostile-start");
        Assert.True(started.StatusCode == HttpStatusCode.Created, $"{started.StatusCode}: {await started.Content.ReadAsStringAsync()}");
        using var json = JsonDocument.Parse(await started.Content.ReadAsStringAsync());
        CycleId = json.RootElement.GetProperty("id").GetString()!;

        var outbox = Host.Services.GetRequiredService<IOutbox>();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        List<OutboxMessage> requests = [];
        while (DateTime.UtcNow < deadline)
        {
            requests = [.. (await outbox.ListAsync()).Where(m => m.IdempotencyKey.StartsWith($"consultation-request/{CycleId}/", StringComparison.Ordinal))];
            if (requests.Count == 3)
            {
                break;
            }

            await Task.Delay(200);
        }

        Assert.Equal(3, requests.Count);
        while (DateTime.UtcNow < deadline
               && JsonNode.Parse(await lead.GetStringAsync($"/api/cycles/{CycleId}"))!["responses"]!["requestsSent"]!.GetValue<int>() != 3)
        {
            await Task.Delay(200);
        }

        Tokens = requests.ToDictionary(m => m.To, m => m.Links.First(l => l.Contains("/respond/", StringComparison.Ordinal)).Split("/respond/")[1]);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? body,
        string contentType = "application/json", string? key = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = contentType.Length == 0 ? null : MediaTypeHeaderValue.Parse(contentType);
        }

        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return await client.SendAsync(request);
    }

    /// <summary>What must not change when an attack is refused: the audit trail, the cycle as the API shows it, and
    /// every consultee's stored response (read from the store, not through the link: the link's rate limit would turn
    /// later snapshots into 429s that hide any change).</summary>
    public async Task<string> SnapshotAsync()
    {
        var audit = await Host.Services.GetRequiredService<AuditLog>().ReadAllAsync(CycleId);
        using var lead = Host.ClientAs(Lead);
        var cycle = JsonNode.Parse(await lead.GetStringAsync($"/api/cycles/{CycleId}"))!.AsObject();
        cycle.Remove("updatedAt");
        var snapshot = new StringBuilder();
        snapshot.AppendLine(string.Join("|", audit.Select(a => $"{a.Sequence}:{a.Action}:{a.Subject}")));
        snapshot.AppendLine(cycle.ToJsonString());
        var responses = Host.Services.GetRequiredService<ResponseStore>();
        foreach (var email in Tokens.Keys.Order(StringComparer.Ordinal))
        {
            var stored = await responses.GetAsync(CycleId, ConsulteeId.For(email));
            snapshot.AppendLine($"{email}: {(stored is null ? "nothing stored" : JsonSerializer.Serialize(stored))}");
        }

        return snapshot.ToString();
    }
}
