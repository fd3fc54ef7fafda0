using System.Text.Json.Nodes;
using ReviewWorkflow.App.Configuration;
using ReviewWorkflow.Testing;

namespace ReviewWorkflow.App.Tests.Deployment;

/// <summary>
/// infra/ through the real Bicep compiler (the pinned CLI, see <see cref="BicepCli"/>): main.bicep and its modules build
/// and lint clean, main.parameters.json fits the compiled template, and the Function App's app settings in that template
/// are the ones the app reads, with its secrets as Key Vault references.
/// </summary>
public class BicepBuildTests
{
    private static readonly string Root = Azurite.RepositoryRoot();
    private static readonly Lazy<BicepRun> Build = new(() => BicepCli.Run(Root, "build", "infra/main.bicep", "--stdout"));
    private const string KeyVaultReference = "format('@Microsoft.KeyVault(SecretUri={0})', parameters('{param}'))";

    /// <summary>App settings the platform reads rather than the app (ConfigurationKeys lists only the app's).</summary>
    private static readonly string[] PlatformSettings =
    [
        "AzureWebJobsStorage__credential", // the Functions host: identity-based AzureWebJobsStorage
        "AzureWebJobsStorage__blobServiceUri", // the Functions host: its leases and the Flex deployment package
        "APPLICATIONINSIGHTS_CONNECTION_STRING", // the Functions host's telemetry
        "APPLICATIONINSIGHTS_AUTHENTICATION_STRING", // ... sent with Entra auth as the managed identity
        "MICROSOFT_PROVIDER_AUTHENTICATION_SECRET", // App Service Authentication (authsettingsV2 clientSecretSettingName)
    ];

    [Fact]
    public void Main_bicep_builds_without_errors_or_warnings()
    {
        var build = Build.Value;

        Assert.True(build.ExitCode == 0, $"bicep {BicepCli.Version} build infra/main.bicep failed: {build}");
        AssertNone(build, "Error", "build");
        AssertNone(build, "Warning", "build");
        Assert.EndsWith("/deploymentTemplate.json#", Template()["$schema"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Main_bicep_passes_the_linter()
    {
        var lint = BicepCli.Run(Root, "lint", "infra/main.bicep");

        Assert.True(lint.ExitCode == 0, $"bicep {BicepCli.Version} lint infra/main.bicep failed: {lint}");
        AssertNone(lint, "Error", "lint");
        AssertNone(lint, "Warning", "lint");
    }

    [Fact]
    public void Main_parameters_json_supplies_every_required_parameter_and_nothing_the_template_lacks()
    {
        var declared = Template()["parameters"]!.AsObject();
        var supplied = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "infra", "main.parameters.json")))!["parameters"]!.AsObject();

        var unknown = supplied.Select(p => p.Key).Where(name => !declared.ContainsKey(name)).ToList();
        var missing = declared.Where(p => p.Value!["defaultValue"] is null && !supplied.ContainsKey(p.Key)).Select(p => p.Key).ToList();

        Assert.True(unknown.Count == 0, "main.parameters.json sets parameters main.bicep does not declare: " + string.Join(", ", unknown));
        Assert.True(missing.Count == 0, "main.bicep parameters without a default that main.parameters.json does not set: " + string.Join(", ", missing));
    }

    [Fact]
    public void Function_app_settings_are_keys_the_app_or_the_platform_reads()
    {
        var known = ConfigurationKeys.All().Concat(PlatformSettings).ToHashSet(StringComparer.Ordinal);

        var unread = AppSettings().Select(s => s.Key).Where(key => !known.Contains(key)).ToList();

        Assert.True(unread.Count == 0, "App settings in infra/app/functionapp.bicep that nothing reads (a typo?): " + string.Join(", ", unread));
    }

    [Fact]
    public void Function_app_settings_run_the_app_on_identity_based_storage_behind_App_Service_Authentication()
    {
        var settings = AppSettings();

        Assert.Equal("managedidentity", Value(settings, "AzureWebJobsStorage__credential"));
        foreach (var key in new[] { "AzureWebJobsStorage__clientId", "Storage__ManagedIdentityClientId", "Directory__ManagedIdentityClientId" })
        {
            Assert.Equal("[parameters('identityClientId')]", Value(settings, key));
        }

        foreach (var service in new[] { "blob", "queue", "table" })
        {
            Assert.StartsWith($"[format('https://{{0}}.{service}.{{1}}', parameters('storageAccountName')", Value(settings, $"AzureWebJobsStorage__{service}ServiceUri"), StringComparison.Ordinal);
        }

        Assert.Equal("[parameters('taskHubName')]", Value(settings, "Durable__HubName"));
        Assert.Equal("true", Value(settings, "Web__AppServiceAuthentication"));
        Assert.Contains("parameters('publicBaseUrl')", Value(settings, "Workflow__PublicBaseUrl"), StringComparison.Ordinal);
        Assert.Equal("[parameters('directoryProvider')]", Value(settings, "Directory__Provider"));
    }

    [Theory]
    [InlineData("Workflow__LinkSigningKey", "tokenSigningKeyUri")]
    [InlineData("Email__SendGridApiKey", "sendGridApiKeyUri")]
    [InlineData("MICROSOFT_PROVIDER_AUTHENTICATION_SECRET", "authClientSecretUri")]
    public void Secrets_are_Key_Vault_references_to_the_secrets_the_key_vault_module_creates(string setting, string uriParameter)
    {
        Assert.Contains(KeyVaultReference.Replace("{param}", uriParameter, StringComparison.Ordinal), Value(AppSettings(), setting), StringComparison.Ordinal);

        var passed = Module("functionapp")["properties"]!["parameters"]![uriParameter]!["value"]!.GetValue<string>();
        Assert.Contains("resourceId('Microsoft.Resources/deployments', 'keyvault')", passed, StringComparison.Ordinal);
        Assert.Contains($".outputs.{uriParameter}.value", passed, StringComparison.Ordinal);
    }

    [Fact]
    public void App_Service_Authentication_reads_its_client_secret_from_an_app_setting_that_exists()
    {
        var auth = Resources(Module("functionapp")).Single(r => r["name"]!.GetValue<string>().Contains("'authsettingsV2'", StringComparison.Ordinal));

        var settingName = auth["properties"]!["identityProviders"]!["azureActiveDirectory"]!["registration"]!["clientSecretSettingName"]!.GetValue<string>();

        Assert.Contains(settingName, AppSettings().Select(s => s.Key));
    }

    private static void AssertNone(BicepRun run, string level, string command)
    {
        var found = run.Diagnostics(level);
        Assert.True(found.Count == 0, $"bicep {BicepCli.Version} {command} infra/main.bicep reports {found.Count} {level}(s):\n" + string.Join("\n", found));
    }

    /// <summary>The compiled ARM template (fails with the compiler's output if the build did not succeed).</summary>
    private static JsonObject Template()
    {
        var build = Build.Value;
        Assert.True(build.ExitCode == 0, $"bicep {BicepCli.Version} build infra/main.bicep failed: {build}");
        return JsonNode.Parse(build.Output)!.AsObject();
    }

    /// <summary>A module of main.bicep: a nested deployment carrying the module's compiled template.</summary>
    private static JsonObject Module(string name) => Resources(Template())
        .Single(r => r["type"]!.GetValue<string>() == "Microsoft.Resources/deployments" && r["name"]!.GetValue<string>() == name);

    private static IEnumerable<JsonObject> Resources(JsonObject template)
    {
        var resources = (template["properties"]?["template"] ?? template)["resources"]!;
        // languageVersion 2.0 templates hold resources by symbolic name; older ones in an array.
        return resources is JsonObject bySymbol ? bySymbol.Select(p => p.Value!.AsObject()) : resources.AsArray().Select(r => r!.AsObject());
    }

    /// <summary>The Function App's app settings (key to compiled value) from the sites/config 'appsettings' resource.</summary>
    private static JsonObject AppSettings()
    {
        var config = Resources(Module("functionapp")).Single(r =>
            r["type"]!.GetValue<string>() == "Microsoft.Web/sites/config" && r["name"]!.GetValue<string>().Contains("'appsettings'", StringComparison.Ordinal));
        return config["properties"] as JsonObject
            ?? throw new InvalidOperationException("The appsettings resource's properties are an expression, not an object literal: " + config["properties"]);
    }

    private static string Value(JsonObject settings, string key) =>
        settings[key]?.GetValue<string>() ?? throw new Xunit.Sdk.XunitException($"The Function App has no app setting {key}.");
}
