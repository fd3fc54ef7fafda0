using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReviewWorkflow.Directory.Graph;
using ReviewWorkflow.Directory.Local;

namespace ReviewWorkflow.Directory.Tests;

public sealed class DirectoryServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings) => new ServiceCollection()
        .AddLogging()
        .AddReviewWorkflowDirectory(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
        .BuildServiceProvider();

    [Fact]
    public async Task Default_IsTheLocalDemoDirectory()
    {
        using var services = Build([]);

        var directory = Assert.IsType<LocalDirectory>(services.GetRequiredService<IDirectory>());
        Assert.NotNull(await directory.FindPersonAsync("lead@council.example"));
    }

    [Fact]
    public void Graph_WithClientSecret_RegistersGraphDirectoryWithoutCallingGraph()
    {
        using var services = Build(new()
        {
            ["Directory:Provider"] = "Graph",
            ["Directory:TenantId"] = "00000000-0000-0000-0000-000000000001",
            ["Directory:ClientId"] = "00000000-0000-0000-0000-000000000002",
            ["Directory:ClientSecret"] = "not-a-real-secret",
        });

        Assert.IsType<GraphDirectory>(services.GetRequiredService<IDirectory>());
    }

    [Fact]
    public void Graph_WithManagedIdentity_RegistersGraphDirectory()
    {
        using var services = Build(new() { ["Directory:Provider"] = "Graph", ["Directory:ManagedIdentityClientId"] = "00000000-0000-0000-0000-000000000003" });

        Assert.IsType<GraphDirectory>(services.GetRequiredService<IDirectory>());
    }

    [Fact]
    public void UnknownProvider_FailsValidation()
    {
        using var services = Build(new() { ["Directory:Provider"] = "Ldap" });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DirectoryOptions>>().Value);
        Assert.Contains("Directory:Provider", ex.Message);
    }

    [Fact]
    public void SecretWithoutTenant_FailsValidation()
    {
        using var services = Build(new() { ["Directory:Provider"] = "Graph", ["Directory:ClientSecret"] = "x" });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DirectoryOptions>>().Value);
        Assert.Contains("Directory:TenantId", ex.Message);
    }
}
