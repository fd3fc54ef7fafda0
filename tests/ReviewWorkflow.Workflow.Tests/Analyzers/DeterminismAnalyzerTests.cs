using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace ReviewWorkflow.Workflow.Tests.Analyzers;

/// <summary>
/// Microsoft.DurableTask.Analyzers guard the orchestrators where they live: ReviewWorkflow.Workflow compiled with one more
/// orchestrator that reads <c>DateTime.UtcNow</c> fails with DURABLE0001 on that file and on nothing else (so the
/// project's own orchestrators pass the same rules).
/// </summary>
public sealed class DeterminismAnalyzerTests
{
    // The probe build reuses the referenced projects' outputs, so it must use the configuration this test assembly was
    // built in: test.sh builds Release, an IDE Debug.
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static string Here([CallerFilePath] string here = "") => Path.GetDirectoryName(here)!;

    [Fact]
    public async Task An_orchestrator_reading_the_clock_fails_the_workflow_build_with_DURABLE0001()
    {
        var probe = Path.Combine(Here(), "Probes", "ClockReadingOrchestrator.cs");
        var project = Path.GetFullPath(Path.Combine(Here(), "..", "..", "..", "src", "ReviewWorkflow.Workflow", "ReviewWorkflow.Workflow.csproj"));
        var scratch = System.IO.Directory.CreateTempSubdirectory("determinism-probe-");
        try
        {
            // Own output and intermediate folders: the real build output is left alone.
            var (exitCode, output) = await DotnetAsync(
                $"build \"{project}\" -c {Configuration} --no-restore -nologo -v:q -p:BuildProjectReferences=false " +
                $"-p:DeterminismProbe=\"{probe}\" -p:DeterminismProbeOutput=\"{scratch.FullName}/\"");

            Assert.NotEqual(0, exitCode);
            var errors = output.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).ToList();
            Assert.Contains(errors, e => e.Contains("ClockReadingOrchestrator.cs", StringComparison.Ordinal) && e.Contains("DURABLE0001", StringComparison.Ordinal));
            Assert.All(errors, e => Assert.Contains("ClockReadingOrchestrator.cs", e, StringComparison.Ordinal));
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> DotnetAsync(string arguments)
    {
        var psi = new ProcessStartInfo("dotnet", arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
