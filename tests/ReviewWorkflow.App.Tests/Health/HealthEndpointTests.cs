using System.Net;
using System.Text.Json;
using ReviewWorkflow.App.Tests.Infrastructure;
using ReviewWorkflow.Testing;

namespace ReviewWorkflow.App.Tests.Health;

public class HealthEndpointTests
{
    [Fact]
    public async Task Health_with_Azurite_reachable_answers_200_healthy()
    {
        await using var app = await RunningApp.StartAsync(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = await Azurite.GetConnectionStringAsync(),
        });

        using var response = await app.Client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("healthy", body.RootElement.GetProperty("status").GetString());
        Assert.True(body.RootElement.GetProperty("tables").GetProperty("reachable").GetBoolean());
        Assert.True(body.RootElement.GetProperty("queues").GetProperty("reachable").GetBoolean());
    }

    [Fact]
    public async Task Health_with_storage_unreachable_answers_503_and_says_which_part()
    {
        // Ports that nothing listens on: grabbed free, then released.
        var deadTable = Azurite.FreePort();
        var deadQueue = Azurite.FreePort();
        await using var app = await RunningApp.StartAsync(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = Azurite.ConnectionStringFor(deadTable, deadQueue, Azurite.FreePort()),
            ["Storage:MaxRetries"] = "0",
        });

        using var response = await app.Client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("unhealthy", body.RootElement.GetProperty("status").GetString());
        Assert.False(body.RootElement.GetProperty("tables").GetProperty("reachable").GetBoolean());
        Assert.Contains(deadTable.ToString(System.Globalization.CultureInfo.InvariantCulture),
            body.RootElement.GetProperty("tables").GetProperty("endpoint").GetString(), StringComparison.Ordinal);
        Assert.False(body.RootElement.GetProperty("queues").GetProperty("reachable").GetBoolean());
    }

    [Fact]
    public async Task Health_never_reveals_the_account_key()
    {
        await using var app = await RunningApp.StartAsync(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = await Azurite.GetConnectionStringAsync(),
        });

        var text = await app.Client.GetStringAsync("/health");

        Assert.DoesNotContain("AccountKey", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Azurite.DevelopmentAccountKey[..20], text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_reports_the_work_queue_backlog_and_the_oldest_pending_work_item()
    {
        var (app, hub) = await CustomHandlerApp.StartAsync();
        await using (app)
        {
            await app.Services.GetRequiredService<ReviewWorkflow.Durable.Store.IDurableStore>().InitializeAsync();
            await (await CustomHandlerApp.QueueAsync(hub + "-workitems")).SendMessageAsync("{}");
            await (await CustomHandlerApp.QueueAsync(hub + "-control")).SendMessageAsync("later", TimeSpan.FromHours(1));

            using var body = JsonDocument.Parse(await app.Client.GetStringAsync("/health"));

            var queues = body.RootElement.GetProperty("workQueues").GetProperty("queues").EnumerateArray()
                .ToDictionary(q => q.GetProperty("queue").GetString()!);
            var work = queues[hub + "-workitems"];
            Assert.Equal(1, work.GetProperty("approximateCount").GetInt64());
            Assert.Equal(JsonValueKind.String, work.GetProperty("oldestPendingInsertedOn").ValueKind);
            Assert.NotEqual(JsonValueKind.Null, work.GetProperty("oldestPendingAge").ValueKind);
            var control = queues[hub + "-control"];
            Assert.Equal(1, control.GetProperty("approximateCount").GetInt64()); // a delayed wake-up counts in the backlog...
            Assert.Equal(JsonValueKind.Null, control.GetProperty("oldestPendingAge").ValueKind); // ...but is not pending yet
        }
    }
}
