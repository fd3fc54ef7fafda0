using ReviewWorkflow.Web.Tests.Infrastructure;

namespace ReviewWorkflow.Web.Tests.Consultees;

/// <summary>One whole-app host at the start of the spring 2026 consultation, shared by the consultee page and API tests
/// (each test starts its own cycle). Tests that move the clock or tighten the limits start hosts of their own.</summary>
public sealed class ConsulteeHost : IAsyncLifetime
{
    public WebTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await WebTestHost.StartAsync("Development", start: ConsulteeCycle.Start);

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ConsulteeHostGroup : ICollectionFixture<ConsulteeHost>
{
    public const string Name = "Consultees";
}
