using System.Diagnostics;
using System.Text.RegularExpressions;
using ReviewWorkflow.Testing;

namespace ReviewWorkflow.App.Tests.Deployment;

/// <summary>No secret in any tracked file: account keys (except Azurite's public development key), SendGrid keys,
/// private keys, client secrets, connection strings with keys or SAS signatures.</summary>
public class SecretScanTests
{
    private static readonly (string Name, Regex Pattern)[] Patterns =
    [
        ("storage account key", new Regex(@"AccountKey=([A-Za-z0-9+/=]{20,})", RegexOptions.Compiled)),
        ("SendGrid API key", new Regex(@"SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{20,}", RegexOptions.Compiled)),
        ("private key", new Regex(@"-----BEGIN (RSA |EC |OPENSSH |ENCRYPTED )?PRIVATE KEY-----", RegexOptions.Compiled)),
        ("Entra client secret", new Regex(@"(?i)(client_?secret|ClientSecret)[""']?\s*[:=]\s*[""']?[A-Za-z0-9~._-]{3}[0-9]Q~[A-Za-z0-9~._-]{30,}", RegexOptions.Compiled)),
        ("SAS signature", new Regex(@"[?&]sig=[A-Za-z0-9%+/=]{30,}", RegexOptions.Compiled)),
        ("Application Insights key", new Regex(@"InstrumentationKey=[0-9a-f]{8}-[0-9a-f]{4}-", RegexOptions.Compiled)),
    ];

    [Fact]
    public void No_tracked_file_contains_a_secret()
    {
        var root = Azurite.RepositoryRoot();
        var findings = new List<string>();
        foreach (var file in TrackedFiles(root))
        {
            var path = Path.Combine(root, file);
            if (!File.Exists(path) || new FileInfo(path).Length > 2_000_000)
            {
                continue;
            }

            var text = File.ReadAllText(path);
            foreach (var (name, pattern) in Patterns)
            {
                foreach (Match match in pattern.Matches(text))
                {
                    if (name == "storage account key" && match.Groups[1].Value == Azurite.DevelopmentAccountKey)
                    {
                        continue; // Azurite's well-known development key is public.
                    }

                    findings.Add($"{file}: {name}");
                }
            }
        }

        Assert.True(findings.Count == 0, "Secrets in tracked files:\n" + string.Join("\n", findings));
    }

    [Fact]
    public void The_scanner_finds_what_it_is_meant_to_find()
    {
        var fake = "SG." + new string('a', 22) + "." + new string('b', 43);
        Assert.Matches(Patterns.Single(p => p.Name == "SendGrid API key").Pattern, fake);
        Assert.Matches(Patterns.Single(p => p.Name == "storage account key").Pattern, "AccountKey=" + new string('Z', 40) + "==;");
        Assert.Matches(Patterns.Single(p => p.Name == "private key").Pattern, "-----BEGIN " + "PRIVATE KEY-----");
    }

    private static string[] TrackedFiles(string root)
    {
        var psi = new ProcessStartInfo("git", ["ls-files", "-z"]) { WorkingDirectory = root, RedirectStandardOutput = true, UseShellExecute = false };
        using var git = Process.Start(psi)!;
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.Equal(0, git.ExitCode);
        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }
}
