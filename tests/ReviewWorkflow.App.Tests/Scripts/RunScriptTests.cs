using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ReviewWorkflow.Testing;

namespace ReviewWorkflow.App.Tests.Scripts;

/// <summary>
/// ./run.sh as a newcomer uses it: it starts Azurite and the app, /health answers healthy, and Ctrl+C (SIGINT to
/// the terminal's process group) stops what it started and nothing else. Free ports keep it clear of a developer's
/// own run.sh.
/// </summary>
public sealed class RunScriptTests : IDisposable
{
    private readonly string _data = System.IO.Directory.CreateTempSubdirectory("rw-runsh-").FullName;

    public void Dispose() => System.IO.Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task Run_sh_serves_a_healthy_app_and_ctrl_c_stops_only_what_it_started()
    {
        int app = Azurite.FreePort(), blob = Azurite.FreePort(), queue = Azurite.FreePort(), table = Azurite.FreePort();
        using var bystander = Process.Start(new ProcessStartInfo("sleep", "300") { UseShellExecute = false })!;
        var root = Azurite.RepositoryRoot();
        var psi = new ProcessStartInfo("setsid", [Path.Combine(root, "run.sh")])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.Environment["RW_APP_PORT"] = app.ToString(System.Globalization.CultureInfo.InvariantCulture);
        psi.Environment["RW_BLOB_PORT"] = blob.ToString(System.Globalization.CultureInfo.InvariantCulture);
        psi.Environment["RW_QUEUE_PORT"] = queue.ToString(System.Globalization.CultureInfo.InvariantCulture);
        psi.Environment["RW_TABLE_PORT"] = table.ToString(System.Globalization.CultureInfo.InvariantCulture);
        psi.Environment["RW_AZURITE_LOCATION"] = _data;
        var output = new System.Text.StringBuilder();
        using var script = Process.Start(psi)!;
        script.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        script.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        script.BeginOutputReadLine();
        script.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            HttpResponseMessage? health = null;
            var deadline = DateTime.UtcNow.AddMinutes(4);
            while (health is null && DateTime.UtcNow < deadline && !script.HasExited)
            {
                try
                {
                    health = await http.GetAsync(new Uri($"http://localhost:{app}/health"));
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(500);
                }
            }

            Assert.True(health is not null, "run.sh never served /health. Output:\n" + output);
            Assert.Equal(HttpStatusCode.OK, health!.StatusCode);
            Assert.Contains("\"healthy\"", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.True(IsListening(table) && IsListening(queue) && IsListening(blob), "Azurite is not listening on the ports given");

            // Ctrl+C in a terminal: SIGINT to the whole foreground process group (setsid made the script its leader).
            using (var kill = Process.Start("kill", ["-INT", "--", "-" + script.Id]))
            {
                await kill.WaitForExitAsync();
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await script.WaitForExitAsync(wait.Token);
            await Task.Delay(1000);
            Assert.False(IsListening(app), "the app still listens after Ctrl+C");
            Assert.False(IsListening(table) || IsListening(queue) || IsListening(blob), "Azurite still listens after Ctrl+C");
            Assert.False(bystander.HasExited, "run.sh stopped a process it did not start");
        }
        finally
        {
            if (!script.HasExited)
            {
                using var kill = Process.Start("kill", ["-KILL", "--", "-" + script.Id]);
            }

            bystander.Kill();
        }
    }

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
}
