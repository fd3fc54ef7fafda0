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
}
