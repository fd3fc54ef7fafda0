using System.Diagnostics;
using ReviewWorkflow.Testing;

namespace ReviewWorkflow.Functions.Tests.Fixtures;

/// <summary>
/// The folders ./publish.sh writes (artifacts/functionapp and artifacts/webapp): test.sh publishes once and passes the
/// folder in <c>RW_PUBLISHED_ARTIFACTS</c>; run on their own, the tests run ./publish.sh into a temporary folder.
/// </summary>
public sealed class PublishedArtifacts : IAsyncLifetime
{
    private string? _temporary;

    public string FunctionApp { get; private set; } = "";

    public string WebApp { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var root = Environment.GetEnvironmentVariable("RW_PUBLISHED_ARTIFACTS");
        if (string.IsNullOrWhiteSpace(root))
        {
            _temporary = System.IO.Directory.CreateTempSubdirectory("rw-publish-").FullName;
            root = _temporary;
            var psi = new ProcessStartInfo(Path.Combine(Azurite.RepositoryRoot(), "publish.sh"), [root])
            {
                WorkingDirectory = Azurite.RepositoryRoot(),
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(psi)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, "publish.sh failed:\n" + await stdout + await stderr);
        }

        FunctionApp = Path.Combine(root, "functionapp");
        WebApp = Path.Combine(root, "webapp");
    }

    public Task DisposeAsync()
    {
        if (_temporary is not null)
        {
            System.IO.Directory.Delete(_temporary, recursive: true);
        }

        return Task.CompletedTask;
    }
}
