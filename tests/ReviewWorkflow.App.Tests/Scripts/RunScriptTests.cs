using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using ReviewWorkflow.App.Demo;
using ReviewWorkflow.Testing;

namespace ReviewWorkflow.App.Tests.Scripts;

/// <summary>
/// ./run.sh as a newcomer uses it: it starts Azurite and the app, /health answers healthy, the demo data is seeded (the
/// clerk's page shows the pledge waiting for the Corporate Parenting Panel), and Ctrl+C (SIGINT to the terminal's
/// process group) stops what it started and nothing else. A second start over the same Azurite data seeds nothing new
/// and keeps the generated link-signing key. Free ports keep it clear of a developer's own run.sh.
/// </summary>
public sealed partial class RunScriptTests : IDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromMinutes(5);

    private readonly string _data = System.IO.Directory.CreateTempSubdirectory("rw-runsh-").FullName;
    private readonly int _app = Azurite.FreePort(), _blob = Azurite.FreePort(), _queue = Azurite.FreePort(), _table = Azurite.FreePort();

    public void Dispose() => System.IO.Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task Run_sh_serves_a_healthy_app_with_demo_data_seeded_once_and_ctrl_c_stops_only_what_it_started()
    {
        using var bystander = Process.Start(new ProcessStartInfo("sleep", "300") { UseShellExecute = false })!;
        try
        {
            await using (var first = RunSh.Start(Azurite.RepositoryRoot(), Environment()))
            {
                await WaitForHealthAsync(first);
                Assert.True(IsListening(_table) && IsListening(_queue) && IsListening(_blob), "Azurite is not listening on the ports given");

                var seeded = await first.WaitForLineAsync(SeededLine(), StartDeadline);
                Assert.Equal("2", seeded.Groups["started"].Value);
                Assert.Equal("Consultation", seeded.Groups["strategy"].Value);
                Assert.Equal("Ratification", seeded.Groups["pledge"].Value);
                Assert.Equal(DemoCycles.Panel, seeded.Groups["body"].Value);
                await AssertClerkSeesThePledgeOnceAsync();
                await AssertEmailedLinksUseThePortServedAsync();

                await first.CtrlCAsync();
                await Task.Delay(1000);
                Assert.False(IsListening(_app), "the app still listens after Ctrl+C");
                Assert.False(IsListening(_table) || IsListening(_queue) || IsListening(_blob), "Azurite still listens after Ctrl+C");
                Assert.False(bystander.HasExited, "run.sh stopped a process it did not start");
            }

            var key = LinkSigningKey();
            Assert.Equal(32, Convert.FromBase64String(key).Length);

            // Restart over the same Azurite data: the demo is there already, nothing is seeded twice.
            await using (var second = RunSh.Start(Azurite.RepositoryRoot(), Environment()))
            {
                await WaitForHealthAsync(second);
                var again = await second.WaitForLineAsync(SeededLine(), StartDeadline);
                Assert.Equal("0", again.Groups["started"].Value);
                Assert.Equal("0", again.Groups["commands"].Value);
                Assert.Equal("0", again.Groups["responses"].Value);
                Assert.Contains($"{DemoCycles.StrategyCycleId} exists already", second.Output, StringComparison.Ordinal);
                await AssertClerkSeesThePledgeOnceAsync();
                await second.CtrlCAsync();
            }

            Assert.Equal(key, LinkSigningKey());
        }
        finally
        {
            bystander.Kill();
        }
    }

    private Dictionary<string, string> Environment() => new()
    {
        ["RW_APP_PORT"] = _app.ToString(CultureInfo.InvariantCulture),
        ["RW_BLOB_PORT"] = _blob.ToString(CultureInfo.InvariantCulture),
        ["RW_QUEUE_PORT"] = _queue.ToString(CultureInfo.InvariantCulture),
        ["RW_TABLE_PORT"] = _table.ToString(CultureInfo.InvariantCulture),
        ["RW_AZURITE_LOCATION"] = _data,
        ["Email__OutboxPath"] = Path.Combine(_data, "outbox"), // not the checkout's .local/outbox, which earlier runs on other ports filled
    };

    private async Task WaitForHealthAsync(RunSh script)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        HttpResponseMessage? health = null;
        var deadline = DateTime.UtcNow + StartDeadline;
        while (health is null && DateTime.UtcNow < deadline && !script.HasExited)
        {
            try
            {
                health = await http.GetAsync(new Uri($"http://localhost:{_app}/health"));
            }
            catch (HttpRequestException)
            {
                await Task.Delay(500);
            }
        }

        Assert.True(health is not null, "run.sh never served /health. Output:\n" + script.Output);
        Assert.Equal(HttpStatusCode.OK, health!.StatusCode);
        Assert.Contains("\"healthy\"", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>The clerk's page, signed in as the demo clerk: the seeded pledge is due at the Panel, listed once.</summary>
    private async Task AssertClerkSeesThePledgeOnceAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Dev-User", "clerk@council.example");
        var html = await http.GetStringAsync(new Uri($"http://localhost:{_app}/clerk"));
        Assert.Single(Regex.Matches(html, $"data-cycle=\"{DemoCycles.PledgeCycleId}\""));
        Assert.Contains(DemoCycles.Panel, html, StringComparison.Ordinal);
        Assert.Contains("Children in Care Pledge", html, StringComparison.Ordinal);
    }

    /// <summary>The demo's consultation requests (in the local outbox) link to the port run.sh serves on (RW_APP_PORT).</summary>
    private async Task AssertEmailedLinksUseThePortServedAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Dev-User", "lead@council.example");
        var deadline = DateTime.UtcNow + StartDeadline;
        var links = new List<string>();
        while (links.Count == 0 && DateTime.UtcNow < deadline)
        {
            var outbox = await http.GetStringAsync(new Uri($"http://localhost:{_app}/api/outbox"));
            links = [.. Regex.Matches(outbox, "https?://[^\"\\\\]+/respond/[^\"\\\\]+").Select(m => m.Value)];
            await Task.Delay(links.Count == 0 ? 500 : 0);
        }

        Assert.NotEmpty(links);
        Assert.All(links, l => Assert.StartsWith($"http://localhost:{_app}/respond/", l, StringComparison.Ordinal));
    }

    private static string LinkSigningKey()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(Azurite.RepositoryRoot(), "local.settings.json")));
        return settings.RootElement.GetProperty("Values").GetProperty("Workflow__LinkSigningKey").GetString() ?? "";
    }

    [GeneratedRegex(@"Demo data seeded: (?<started>\d+) cycles started, (?<commands>\d+) commands sent, (?<responses>\d+) responses stored; strategy in (?<strategy>\w+), pledge in (?<pledge>\w+) with (?<body>[^.]+)\.")]
    private static partial Regex SeededLine();

    private static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>./run.sh in its own session (setsid), its output collected; disposing kills whatever is left of it.</summary>
    private sealed class RunSh : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly System.Text.StringBuilder _output = new();

        private RunSh(Process process) => _process = process;

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

        public static RunSh Start(string root, IDictionary<string, string> environment)
        {
            var psi = new ProcessStartInfo("setsid", [Path.Combine(root, "run.sh")])
            {
                WorkingDirectory = root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var (name, value) in environment)
            {
                psi.Environment[name] = value;
            }

            var script = new RunSh(Process.Start(psi)!);
            script._process.OutputDataReceived += (_, e) => script.Append(e.Data);
            script._process.ErrorDataReceived += (_, e) => script.Append(e.Data);
            script._process.BeginOutputReadLine();
            script._process.BeginErrorReadLine();
            return script;
        }

        public async Task<Match> WaitForLineAsync(Regex pattern, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                if (pattern.Match(Output) is { Success: true } match)
                {
                    return match;
                }

                await Task.Delay(500);
            }

            Assert.Fail($"run.sh never logged /{pattern}/. Output:\n{Output}");
            return null!;
        }

        /// <summary>Ctrl+C in a terminal: SIGINT to the whole foreground process group (setsid made the script its leader).</summary>
        public async Task CtrlCAsync()
        {
            using (var kill = Process.Start("kill", ["-INT", "--", "-" + _process.Id]))
            {
                await kill.WaitForExitAsync();
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await _process.WaitForExitAsync(wait.Token);
        }

        public ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                using var kill = Process.Start("kill", ["-KILL", "--", "-" + _process.Id]);
                kill?.WaitForExit();
            }

            _process.Dispose();
            return ValueTask.CompletedTask;
        }

        private void Append(string? line)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
