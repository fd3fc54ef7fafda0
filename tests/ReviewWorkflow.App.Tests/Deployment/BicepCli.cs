using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace ReviewWorkflow.App.Tests.Deployment;

/// <summary>
/// The real Bicep compiler, the version pinned by the test project (<c>BicepCliVersion</c>, fetched by restore as the
/// <c>Azure.Bicep.CommandLine.linux-x64</c> package into the NuGet packages folder). Missing means restore did not run or
/// this is not linux-x64: the tests fail and say so, they never skip.
/// </summary>
internal static partial class BicepCli
{
    private const string Package = "azure.bicep.commandline.linux-x64";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static string Version { get; } = Metadata("BicepCliVersion")
        ?? throw new InvalidOperationException("The test assembly carries no BicepCliVersion (see ReviewWorkflow.App.Tests.csproj).");

    /// <summary>Runs <c>bicep {arguments}</c> in <paramref name="workingDirectory"/>.</summary>
    public static BicepRun Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + start.FileName);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }

        process.WaitForExit();
        return new BicepRun(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    /// <summary>The bicep executable in the NuGet packages folder, made executable if the package left it without the bit.</summary>
    private static string Executable()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            throw new PlatformNotSupportedException(
                $"The pinned Bicep CLI is the linux-x64 package; this machine is {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}.");
        }

        var candidates = PackageRoots().Select(root => Path.Combine(root, Package, Version, "tools", "bicep")).ToList();
        var path = candidates.FirstOrDefault(File.Exists) ?? throw new FileNotFoundException(
            $"Bicep CLI {Version} not found; run `dotnet restore tests/ReviewWorkflow.App.Tests` (its PackageDownload fetches {Package}). Looked in: "
            + string.Join(", ", candidates));

        var mode = File.GetUnixFileMode(path);
        if (!mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        return path;
    }

    /// <summary>NUGET_PACKAGES, the folder restore used when this assembly was built, then NuGet's default.</summary>
    private static IEnumerable<string> PackageRoots()
    {
        string?[] roots =
        [
            Environment.GetEnvironmentVariable("NUGET_PACKAGES"),
            Metadata("NuGetPackageRoot"),
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
        ];
        return roots.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r!).Distinct();
    }

    private static string? Metadata(string key) => typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == key)?.Value;

    /// <summary>One diagnostic line as the CLI prints it: <c>path(line,column) : Level CODE: message</c>.</summary>
    [GeneratedRegex(@"^(?<where>.+\(\d+,\d+\)) : (?<level>Error|Warning|Info) (?<code>[^:]+): (?<message>.*)$", RegexOptions.Multiline)]
    internal static partial Regex DiagnosticLine();
}

/// <summary>What one bicep command did.</summary>
internal sealed record BicepRun(int ExitCode, string Output, string Errors)
{
    /// <summary>Diagnostic lines (compiler and linter) of the given level, as printed.</summary>
    public IReadOnlyList<string> Diagnostics(string level) => BicepCli.DiagnosticLine().Matches(Output + "\n" + Errors)
        .Where(m => m.Groups["level"].Value == level)
        .Select(m => m.Value.TrimEnd('\r'))
        .ToList();

    public override string ToString() => $"exit code {ExitCode}\n{Errors}".TrimEnd();
}
