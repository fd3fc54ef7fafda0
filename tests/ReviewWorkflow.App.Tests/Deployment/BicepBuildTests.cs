using System.Text.Json.Nodes;
using ReviewWorkflow.App.Configuration;
using ReviewWorkflow.Testing;

namespace ReviewWorkflow.App.Tests.Deployment;

/// <summary>
/// infra/ through the real Bicep compiler (the pinned CLI, see <see cref="BicepCli"/>): main.bicep and its modules build
/// and lint clean, main.parameters.json fits the compiled template, and the Function App's and the web app's app settings
/// in that template are the ones the apps read, with their secrets as Key Vault references.
/// </summary>
public class BicepBuildTests
{
    private static readonly string Root = Azurite.RepositoryRoot();
    private static readonly Lazy<BicepRun> Build = new(() => BicepCli.Run(Root, "build", "infra/main.bicep", "--stdout"));
    private const string KeyVaultReference = "format('@Microsoft.KeyVault(SecretUri={0})', parameters('{param}'))";

    /// <summary>App settings the platform reads rather than the apps (ConfigurationKeys lists only the apps').</summary>
    private static readonly string[] PlatformSettings =
    [
        "AzureWebJobsStorage__credential", // the Functions host: identity-based AzureWebJobsStorage
        "APPLICATIONINSIGHTS_CONNECTION_STRING", // the Functions host's and App Service's telemetry
        "APPLICATIONINSIGHTS_AUTHENTICATION_STRING", // ... sent with Entra auth as the managed identity
        "ApplicationInsightsAgent_EXTENSION_VERSION", // App Service's Application Insights agent for the web app
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

    [Theory]
    [InlineData("functionapp")]
    [InlineData("webapp")]
    public void App_settings_are_keys_the_apps_or_the_platform_read(string module)
    {
        var known = ConfigurationKeys.All().Concat(PlatformSettings).ToHashSet(StringComparer.Ordinal);

        var unread = AppSettings(module).Select(s => s.Key).Where(key => !known.Contains(key)).ToList();

        Assert.True(unread.Count == 0, $"App settings in infra/app/{module}.bicep that nothing reads (a typo?): " + string.Join(", ", unread));
    }

    [Theory]
    [InlineData("functionapp")]
    [InlineData("webapp")]
    public void Both_apps_reach_the_same_task_hub_and_tables_as_the_managed_identity(string module)
    {
        var settings = AppSettings(module);

        foreach (var key in new[] { "AzureWebJobsStorage__clientId", "Storage__ManagedIdentityClientId", "Directory__ManagedIdentityClientId" })
        {
            Assert.Equal("[parameters('identityClientId')]", Value(settings, key));
        }

        foreach (var service in new[] { "blob", "queue", "table" })
        {
            Assert.StartsWith($"[format('https://{{0}}.{service}.{{1}}', parameters('storageAccountName')", Value(settings, $"AzureWebJobsStorage__{service}ServiceUri"), StringComparison.Ordinal);
        }

        Assert.Equal("[parameters('taskHubName')]", Value(settings, "Durable__HubName"));
        Assert.Equal("[parameters('publicBaseUrl')]", Value(settings, "Workflow__PublicBaseUrl"));
        Assert.Equal("[parameters('directoryProvider')]", Value(settings, "Directory__Provider"));
        Assert.False(settings.ContainsKey("AzureWebJobsStorage"), "a storage connection string: shared keys are off");
    }

    [Fact]
    public void The_function_app_is_a_dotnet_isolated_10_app_on_identity_based_storage()
    {
        var settings = AppSettings("functionapp");
        var site = Site("functionapp");
        var runtime = site["properties"]!["functionAppConfig"]!["runtime"]!;

        Assert.Equal(("dotnet-isolated", "10.0"), (runtime["name"]!.GetValue<string>(), runtime["version"]!.GetValue<string>()));
        Assert.Equal("managedidentity", Value(settings, "AzureWebJobsStorage__credential"));
        Assert.Equal("UserAssignedIdentity", site["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!["authentication"]!["type"]!.GetValue<string>());
        Assert.False(settings.ContainsKey("Durable__WorkerEnabled"), "the Functions app's host is the worker; the setting means nothing there");
    }

    [Fact]
    public void The_web_app_is_a_Linux_dotnet_10_client_only_behind_App_Service_Authentication()
    {
        var settings = AppSettings("webapp");
        var site = Site("webapp");

        Assert.Equal("app,linux", site["kind"]!.GetValue<string>());
        Assert.Equal("DOTNETCORE|10.0", site["properties"]!["siteConfig"]!["linuxFxVersion"]!.GetValue<string>());
        Assert.Equal("false", Value(settings, "Durable__WorkerEnabled"));
        Assert.Equal("true", Value(settings, "Web__AppServiceAuthentication"));
    }

    [Fact]
    public void Easy_Auth_requires_sign_in_except_for_the_consultee_form_its_API_and_the_SendGrid_webhook()
    {
        var validation = Auth("webapp")["properties"]!["globalValidation"]!;

        Assert.True(validation["requireAuthentication"]!.GetValue<bool>());
        Assert.Equal("RedirectToLoginPage", validation["unauthenticatedClientAction"]!.GetValue<string>());
        var excluded = validation["excludedPaths"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();
        Assert.Equal(["/respond/*", "/api/responses/*", ReviewWorkflow.App.Hosting.ReviewCycleHostingExtensions.SendGridWebhookPath, "/assets/*", "/error/*",
            "/forward-plan", "/forward-plan.csv", "/api/forward-plan", "/calendar.ics", "/calendar/*"], excluded);
    }

    [Theory]
    [InlineData("functionapp", "Workflow__LinkSigningKey", "tokenSigningKeyUri")]
    [InlineData("functionapp", "Email__SendGridApiKey", "sendGridApiKeyUri")]
    [InlineData("webapp", "Workflow__LinkSigningKey", "tokenSigningKeyUri")]
    [InlineData("webapp", "Email__SendGridApiKey", "sendGridApiKeyUri")]
    [InlineData("webapp", "MICROSOFT_PROVIDER_AUTHENTICATION_SECRET", "authClientSecretUri")]
    public void Secrets_are_Key_Vault_references_to_the_secrets_the_key_vault_module_creates(string module, string setting, string uriParameter)
    {
        Assert.Contains(KeyVaultReference.Replace("{param}", uriParameter, StringComparison.Ordinal), Value(AppSettings(module), setting), StringComparison.Ordinal);

        var passed = Module(module)["properties"]!["parameters"]![uriParameter]!["value"]!.GetValue<string>();
        Assert.Contains("resourceId('Microsoft.Resources/deployments', 'keyvault')", passed, StringComparison.Ordinal);
        Assert.Contains($".outputs.{uriParameter}.value", passed, StringComparison.Ordinal);
    }

    [Fact]
    public void App_Service_Authentication_reads_its_client_secret_from_an_app_setting_that_exists()
    {
        var settingName = Auth("webapp")["properties"]!["identityProviders"]!["azureActiveDirectory"]!["registration"]!["clientSecretSettingName"]!.GetValue<string>();

        Assert.Contains(settingName, AppSettings("webapp").Select(s => s.Key));
    }

    [Fact]
    public void The_one_identity_has_exactly_the_Durable_Functions_storage_roles_and_nothing_broader()
    {
        var roles = Resources(Module("storage"))
            .Where(r => r["type"]!.GetValue<string>() == "Microsoft.Authorization/roleAssignments")
            .Select(r => r["properties"]!["roleDefinitionId"]!.GetValue<string>())
            .Select(id => System.Text.RegularExpressions.Regex.Match(id, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}").Value)
            .Order().ToList();

        // Storage Blob Data Owner, Storage Table Data Contributor, Storage Queue Data Contributor.
        Assert.Equal(["0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "974c5e8b-45b9-4653-ba55-5f855dd0fb88", "b7e6dc6d-f1e8-4753-8033-0f276bb0955b"], roles);
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

    private static JsonObject Site(string module) =>
        Resources(Module(module)).Single(r => r["type"]!.GetValue<string>() == "Microsoft.Web/sites");

    private static JsonObject Auth(string module) => Resources(Module(module)).Single(r =>
        r["type"]!.GetValue<string>() == "Microsoft.Web/sites/config" && r["name"]!.GetValue<string>().Contains("'authsettingsV2'", StringComparison.Ordinal));

    /// <summary>A site's app settings (key to compiled value) from the module's sites/config 'appsettings' resource.</summary>
    private static JsonObject AppSettings(string module)
    {
        var config = Resources(Module(module)).Single(r =>
            r["type"]!.GetValue<string>() == "Microsoft.Web/sites/config" && r["name"]!.GetValue<string>().Contains("'appsettings'", StringComparison.Ordinal));
        return config["properties"] as JsonObject
            ?? throw new InvalidOperationException("The appsettings resource's properties are an expression, not an object literal: " + config["properties"]);
    }

    private static string Value(JsonObject settings, string key) =>
        settings[key]?.GetValue<string>() ?? throw new Xunit.Sdk.XunitException($"No app setting {key}.");
}
