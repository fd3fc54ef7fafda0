using System.Text.RegularExpressions;
using ReviewWorkflow.App.Configuration;
using ReviewWorkflow.Testing;

namespace ReviewWorkflow.App.Tests.Deployment;

/// <summary>Every key the apps read is either set by infra/ (the Function App's and the web app's app settings) or documented as optional
/// in README.md's configuration table — so nothing is silently missing in Azure.</summary>
public class ConfigurationCoverageTests
{
    [Fact]
    public void Every_configuration_key_is_set_by_infra_or_documented_in_the_README()
    {
        var root = Azurite.RepositoryRoot();
        var bicep = string.Join("\n", System.IO.Directory.GetFiles(Path.Combine(root, "infra"), "*.bicep", SearchOption.AllDirectories).Select(File.ReadAllText));
        var setByInfra = Regex.Matches(bicep, @"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*:", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var documented = Regex.Matches(readme, "`([A-Za-z_][A-Za-z0-9_]*)`").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var missing = ConfigurationKeys.All().Where(k => !setByInfra.Contains(k) && !documented.Contains(k)).ToList();

        Assert.True(missing.Count == 0, "Neither set in infra/*.bicep nor in README.md's configuration table: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_setting_host_json_names_is_a_listed_key_set_by_both_apps_infra()
    {
        var root = Azurite.RepositoryRoot();
        var named = Regex.Matches(File.ReadAllText(Path.Combine(root, "host.json")), "%([A-Za-z0-9_]+)%").Select(m => m.Groups[1].Value).ToList();

        Assert.NotEmpty(named);
        foreach (var key in named)
        {
            Assert.Contains(key, ConfigurationKeys.FunctionsHostJson);
            foreach (var module in new[] { "functionapp.bicep", "webapp.bicep" })
            {
                Assert.Matches(new Regex($@"^\s*{key}\s*:", RegexOptions.Multiline), File.ReadAllText(Path.Combine(root, "infra", "app", module)));
            }
        }
    }

    [Fact]
    public void The_key_list_covers_the_options_classes_the_app_binds()
    {
        var keys = ConfigurationKeys.All().ToList();

        Assert.Contains("Durable__HubName", keys);
        Assert.Contains("Durable__WorkerEnabled", keys);
        Assert.Contains("Durable__WakeUpSweepInterval", keys);
        Assert.Contains("Email__SendGridApiKey", keys);
        Assert.Contains("Storage__ManagedIdentityClientId", keys);
        Assert.DoesNotContain("FUNCTIONS_CUSTOMHANDLER_PORT", keys);
        Assert.DoesNotContain("Authentication__AppService__ClaimsIssuer", keys);
    }
}
