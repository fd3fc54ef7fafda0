using System.Text.Json;
using ReviewWorkflow.Functions.Tests.Fixtures;

namespace ReviewWorkflow.Functions.Tests.Publishing;

/// <summary>./publish.sh's artifacts/webapp is what App Service (Linux, .NET 10) runs: the framework-dependent web app with
/// the GOV.UK Frontend assets its pages load, and nothing of a Functions app.</summary>
[Collection(PublishedArtifactsGroup.Name)]
public sealed class WebAppArtifactTests(PublishedArtifacts artifacts)
{
    [Fact]
    public void The_web_app_folder_holds_the_app_for_dotnet_10_and_the_GOV_UK_Frontend_assets()
    {
        Assert.True(File.Exists(Path.Combine(artifacts.WebApp, "ReviewWorkflow.App.dll")), "ReviewWorkflow.App.dll is missing");
        using var runtime = JsonDocument.Parse(File.ReadAllText(Path.Combine(artifacts.WebApp, "ReviewWorkflow.App.runtimeconfig.json")));
        Assert.Equal("net10.0", runtime.RootElement.GetProperty("runtimeOptions").GetProperty("tfm").GetString());
        Assert.NotEmpty(System.IO.Directory.GetFiles(Path.Combine(artifacts.WebApp, "node_modules", "govuk-frontend", "dist", "govuk"), "*.css", SearchOption.AllDirectories));
    }

    [Fact]
    public void The_web_app_folder_is_not_a_Functions_app()
    {
        Assert.False(File.Exists(Path.Combine(artifacts.WebApp, "host.json")));
        Assert.False(File.Exists(Path.Combine(artifacts.WebApp, "functions.metadata")));
    }
}
