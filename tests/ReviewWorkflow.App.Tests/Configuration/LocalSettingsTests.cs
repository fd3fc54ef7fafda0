using ReviewWorkflow.App.Configuration;

namespace ReviewWorkflow.App.Tests.Configuration;

public sealed class LocalSettingsTests : IDisposable
{
    private readonly string _dir = System.IO.Directory.CreateTempSubdirectory("rw-localsettings-").FullName;

    public void Dispose() => System.IO.Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Values_become_flat_keys_and_double_underscore_becomes_a_section()
    {
        var path = Path.Combine(_dir, LocalSettings.FileName);
        File.WriteAllText(path, """
            { "IsEncrypted": false,
              "Values": { "AzureWebJobsStorage": "UseDevelopmentStorage=true", "Storage__MaxRetries": "2", "Flag": true } }
            """);

        var values = LocalSettings.Read(path).ToDictionary(p => p.Key, p => p.Value);

        Assert.Equal("UseDevelopmentStorage=true", values["AzureWebJobsStorage"]);
        Assert.Equal("2", values["Storage:MaxRetries"]);
        Assert.Equal("true", values["Flag"]);
    }

    [Fact]
    public void Malformed_file_gives_a_readable_error_naming_the_file()
    {
        var path = Path.Combine(_dir, LocalSettings.FileName);
        File.WriteAllText(path, "{ \"Values\": { \"AzureWebJobsStorage\": ");

        var error = Assert.Throws<InvalidOperationException>(() => LocalSettings.Read(path).ToList());

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_looks_upward_but_stops_at_the_functions_app_root()
    {
        var appRoot = System.IO.Directory.CreateDirectory(Path.Combine(_dir, "app"));
        var nested = System.IO.Directory.CreateDirectory(Path.Combine(appRoot.FullName, "src", "project"));
        File.WriteAllText(Path.Combine(_dir, LocalSettings.FileName), "{}"); // above the app root: must not be used
        File.WriteAllText(Path.Combine(appRoot.FullName, "host.json"), "{}");

        Assert.Null(LocalSettings.Find(nested.FullName));

        File.WriteAllText(Path.Combine(appRoot.FullName, LocalSettings.FileName), "{}");
        Assert.Equal(Path.Combine(appRoot.FullName, LocalSettings.FileName), LocalSettings.Find(nested.FullName));
    }
}
