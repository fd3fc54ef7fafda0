using System.Diagnostics;
using System.Text;

namespace ReviewWorkflow.App.Tests.Infrastructure;

/// <summary>
/// The app started as its own OS process with <c>--worker-only</c> (no web server: the Durable Task worker and the wake-up
/// sweep), configured through environment variables as App Service and Functions configure apps. Killed on dispose.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private WorkerProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts <c>dotnet ReviewWorkflow.App.dll --worker-only</c> from the app's own build folder (same configuration as these tests).</summary>
    public static WorkerProcess Start(IReadOnlyDictionary<string, string?> settings)
    {
        var dll = AppAssembly();
        var psi = new ProcessStartInfo("dotnet", [dll, Hosting.WorkerOnlyHost.Switch])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        foreach (var (key, value) in settings)
        {
            psi.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value ?? "";
        }

        return new WorkerProcess(Process.Start(psi)!);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    /// <summary>src/ReviewWorkflow.App/bin/{Debug|Release}/net10.0/ReviewWorkflow.App.dll, matching this test assembly's configuration.</summary>
    private static string AppAssembly()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var dll = Path.Combine(ReviewWorkflow.Testing.Azurite.RepositoryRoot(), "src", "ReviewWorkflow.App", "bin", configuration, "net10.0", "ReviewWorkflow.App.dll");
        Assert.True(File.Exists(dll), $"{dll} is not built");
        return dll;
    }
}
