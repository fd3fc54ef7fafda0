using System.Text.RegularExpressions;
using ReviewWorkflow.Testing;

namespace ReviewWorkflow.App.Tests.Deployment;

/// <summary>
/// azure.yaml as azd reads it: two services, the Function App (<c>host: function</c>) and the web app (<c>host: appservice</c>),
/// each packaged by azd's <c>custom</c> language, which builds nothing itself and fails without <c>dist</c> ("'dist' required
/// for custom language"), so <c>dist</c> must name the folder ./publish.sh writes; and the Bicep tags each site with its
/// service's name, which is how azd finds where to deploy.
/// </summary>
public class AzdProjectTests
{
    private static readonly string Root = Azurite.RepositoryRoot();

    [Theory]
    [InlineData("functions", "function", "artifacts/functionapp")]
    [InlineData("web", "appservice", "artifacts/webapp")]
    public void Each_service_is_a_custom_language_package_of_the_folder_publish_sh_writes(string name, string host, string dist)
    {
        var service = ServiceBlock(File.ReadAllText(Path.Combine(Root, "azure.yaml")), name);

        Assert.Equal(host, service["host"]);
        Assert.Equal("custom", service["language"]);
        Assert.Equal(".", service["project"]);
        Assert.Equal(dist, service["dist"]);
        Assert.Contains("$out/" + dist["artifacts/".Length..], File.ReadAllText(Path.Combine(Root, "publish.sh")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("functions")]
    [InlineData("web")]
    public void Each_service_names_the_resource_tagged_with_it(string name)
    {
        var main = File.ReadAllText(Path.Combine(Root, "infra", "main.bicep"));

        Assert.Contains($"'azd-service-name': '{name}'", main, StringComparison.Ordinal);
    }

    /// <summary>The scalar properties of <c>services.{name}</c> (two-space YAML indentation, as azd writes it).</summary>
    private static Dictionary<string, string> ServiceBlock(string yaml, string name)
    {
        var lines = yaml.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var start = lines.IndexOf("services:");
        Assert.True(start >= 0, "azure.yaml has no services section.");
        var at = lines.IndexOf($"  {name}:", start);
        Assert.True(at >= 0, $"azure.yaml has no service '{name}'.");
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(at + 1).TakeWhile(l => l.StartsWith("    ", StringComparison.Ordinal) || l.Length == 0))
        {
            var m = Regex.Match(line, @"^    ([A-Za-z]+):\s*(\S.*?)\s*(#.*)?$");
            if (m.Success)
            {
                properties[m.Groups[1].Value] = m.Groups[2].Value;
            }
        }

        return properties;
    }
}
