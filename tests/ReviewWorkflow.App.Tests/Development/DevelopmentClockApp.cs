using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ReviewWorkflow.Testing;

namespace ReviewWorkflow.App.Tests.Development;

/// <summary>The whole app on Kestrel at 127.0.0.1 with the clock setting given and its clock file and outbox in
/// <paramref name="folder"/>, for the development clock's tests.</summary>
internal static class DevelopmentClockApp
{
    public static async Task<WebApplication> StartAsync(string folder, string environment, string enabled, Action<WebApplicationBuilder>? configure = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = await Azurite.GetConnectionStringAsync(),
            ["Durable:HubName"] = "clk" + Guid.NewGuid().ToString("N")[..12],
            ["Durable:PartitionCount"] = "1",
            ["Email:SendGridApiKey"] = "",
            ["Email:OutboxPath"] = Path.Combine(folder, "outbox"),
            ["Development:ControllableClock"] = enabled,
            ["Development:ClockFile"] = ClockFile(folder),
        };
        var app = ReviewWorkflowApp.Create(["--urls", "http://127.0.0.1:0", "--environment", environment], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            configure?.Invoke(builder);
        });
        await app.StartAsync();

        return app;
    }

    public static string ClockFile(string folder) => Path.Combine(folder, "clock.txt");

    /// <summary>No redirects followed; cookies kept when <paramref name="cookies"/> is given (the antiforgery pair).</summary>
    public static HttpClient Client(WebApplication app, CookieContainer? cookies = null) => new(new HttpClientHandler
    {
        AllowAutoRedirect = false,
        UseCookies = cookies is not null,
        CookieContainer = cookies ?? new CookieContainer(),
    })
    {
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()),
        Timeout = TimeSpan.FromSeconds(30),
    };
}
