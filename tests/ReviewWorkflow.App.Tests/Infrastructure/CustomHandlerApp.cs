using ReviewWorkflow.App.Hosting;
using ReviewWorkflow.Durable;
using ReviewWorkflow.Storage.Configuration;
using ReviewWorkflow.Storage.Queues;
using ReviewWorkflow.Testing;

namespace ReviewWorkflow.App.Tests.Infrastructure;

/// <summary>
/// The app started as the Functions host starts it (FUNCTIONS_CUSTOMHANDLER_PORT set) on real Azurite, with a task hub
/// of its own and a small test orchestration: "Greet" calls the activity "SayHello" and returns its result.
/// </summary>
public static class CustomHandlerApp
{
    public const string Orchestration = "Greet";

    public const string Activity = "SayHello";

    /// <param name="extra">Settings on top (a storage that does not answer, no port, ...).</param>
    /// <param name="storeReady">Wait for the task hub's tables and queues; false for a storage that does not answer.</param>
    public static async Task<(RunningApp App, string Hub)> StartAsync(IDictionary<string, string?>? extra = null, bool storeReady = true)
    {
        var hub = "h" + Guid.NewGuid().ToString("N")[..12];
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = await Azurite.GetConnectionStringAsync(),
            ["Durable:AzureStorage:TaskHubName"] = hub,
            [FunctionsHost.PortKey] = Azurite.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var app = await RunningApp.StartAsync(settings, builder => builder.Services.AddSingleton(new DurableTaskRegistration(b => b
            .AddOrchestratorFunc<string, string>(Orchestration, async (context, name) => await context.CallActivityAsync<string>(Activity, name))
            .AddActivityFunc<string, string>(Activity, (_, name) => $"Hello, {name}!"))), storeReady);
        return (app, hub);
    }

    public static async Task<QueueClient> QueueAsync(string name)
    {
        var queues = new QueueServiceClient(ReviewWorkflow.Storage.Configuration.StorageConnection.Parse(await Azurite.GetConnectionStringAsync()));
        var queue = queues.GetQueueClient(name);
        await queue.CreateIfNotExistsAsync();
        return queue;
    }
}
