using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace ReviewWorkflow.Durable.Tests.Analyzers;

/// <summary>
/// build/Orchestrations.props bans non-deterministic APIs in orchestrator projects: a fixture project builds
/// cleanly, and fails with RS0030 once an orchestrator reads DateTime.UtcNow.
/// </summary>
public sealed class BannedApiTests
{
    private static string FixtureProject([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "Fixtures", "BannedApiFixture", "BannedApiFixture.csproj"));

    // The fixture references ReviewWorkflow.Durable without rebuilding it, so it must use the configuration this
    // test assembly (and so ReviewWorkflow.Durable) was built in: test.sh builds Release, an IDE Debug.
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [Fact]
    public async Task Orchestrator_reading_the_clock_fails_the_build_with_RS0030_and_clean_code_builds()
    {
        var project = FixtureProject();
        var restored = File.Exists(Path.Combine(Path.GetDirectoryName(project)!, "obj", "project.assets.json"));
        var common = $"build \"{project}\" -c {Configuration} -p:BuildProjectReferences=false -nologo -v:q" + (restored ? " --no-restore" : string.Empty);

        var clean = await DotnetAsync(common);
        Assert.True(clean.ExitCode == 0, clean.Output);
        Assert.DoesNotContain("RS0030", clean.Output);

        var violating = await DotnetAsync(common + " --no-restore -p:WithViolation=true");
        Assert.NotEqual(0, violating.ExitCode);
        Assert.Contains("error RS0030", violating.Output);
        Assert.Contains("DateTime.UtcNow", violating.Output);
        Assert.Contains("Violation.cs", violating.Output);
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
