using ReviewWorkflow.App.Hosting;
using ReviewWorkflow.Testing;

namespace ReviewWorkflow.App.Tests.Infrastructure;

/// <summary>The app started as the Functions host starts it (FUNCTIONS_CUSTOMHANDLER_PORT set) on real Azurite, with a task
/// hub of its own.</summary>
public static class CustomHandlerApp
{
    /// <param name="extra">Settings on top (a storage that does not answer, no port, ...).</param>
    public static async Task<(RunningApp App, string Hub)> StartAsync(IDictionary<string, string?>? extra = null)
    {
        var hub = "h" + Guid.NewGuid().ToString("N")[..12];
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = await Azurite.GetConnectionStringAsync(),
            ["Durable:HubName"] = hub,
            ["Durable:PartitionCount"] = "1",
            [FunctionsHost.PortKey] = Azurite.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return (await RunningApp.StartAsync(settings), hub);
    }
}
