namespace ReviewWorkflow.Web.Tests.Infrastructure;

/// <summary>One Development host shared by the tests of a class.</summary>
public sealed class DevelopmentHost : IAsyncLifetime
{
    public WebTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await WebTestHost.StartAsync("Development");

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>One Production host (with a signing key, App Service Authentication on) shared by the tests of a class.</summary>
public sealed class ProductionHost : IAsyncLifetime
{
    public WebTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await WebTestHost.StartAsync("Production", new Dictionary<string, string?>
    {
        ["Web:AppServiceAuthentication"] = "true",
        ["Web:RoleGroups:clerk:0"] = "6f1c2a3b-0000-4000-8000-00000000c1e7",
    });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
