using System.Text.Json;
using System.Text.RegularExpressions;
using ReviewWorkflow.Testing;

namespace ReviewWorkflow.App.Tests.Deployment;

/// <summary>.vscode/ fits the repository: every path it names exists (build outputs aside) and every task it refers to is defined.</summary>
public sealed partial class VsCodeWorkspaceTests
{
    private static readonly string Root = Azurite.RepositoryRoot();

    [Fact]
    public void Every_workspace_path_named_in_vscode_exists()
    {
        var stale = System.IO.Directory.GetFiles(Path.Combine(Root, ".vscode"), "*.json")
            .SelectMany(file => WorkspacePath().Matches(File.ReadAllText(file)).Select(m => (file, path: m.Groups[1].Value)))
            .Where(x => !x.path.Contains("/bin/", StringComparison.Ordinal))
            .Where(x => !File.Exists(Path.Combine(Root, x.path)) && !System.IO.Directory.Exists(Path.Combine(Root, x.path)))
            .Select(x => $"{Path.GetFileName(x.file)}: {x.path}")
            .ToList();

        Assert.True(stale.Count == 0, "Paths in .vscode that do not exist: " + string.Join(", ", stale));
    }

    [Fact]
    public void Every_task_a_launch_configuration_or_setting_refers_to_is_defined()
    {
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        using var tasks = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, ".vscode", "tasks.json")), options);
        var labels = tasks.RootElement.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("label").GetString()).ToHashSet();
        using var launch = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, ".vscode", "launch.json")), options);
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, ".vscode", "settings.json")), options);

        var referred = launch.RootElement.GetProperty("configurations").EnumerateArray()
            .Where(c => c.TryGetProperty("preLaunchTask", out _)).Select(c => c.GetProperty("preLaunchTask").GetString())
            .Concat(tasks.RootElement.GetProperty("tasks").EnumerateArray()
                .Where(t => t.TryGetProperty("dependsOn", out _)).Select(t => t.GetProperty("dependsOn").GetString()))
            .Append(settings.RootElement.GetProperty("azureFunctions.preDeployTask").GetString());

        Assert.All(referred, name => Assert.Contains(name, labels));
        Assert.Contains(tasks.RootElement.GetProperty("tasks").EnumerateArray(), t => t.GetProperty("command").GetString() == "./run.sh");
    }

    [GeneratedRegex(@"\$\{workspaceFolder\}/([^""\s]+)")]
    private static partial Regex WorkspacePath();
}
