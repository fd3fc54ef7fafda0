using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using ReviewWorkflow.App.Functions;
using ReviewWorkflow.App.Tests.Infrastructure;
using ReviewWorkflow.Testing;

namespace ReviewWorkflow.App.Tests.Publishing;

/// <summary>
/// ./publish.sh's folder as Azure would run it: the self-contained executable named in host.json, started the way the
/// Functions host starts a custom handler (working directory = the app folder, FUNCTIONS_CUSTOMHANDLER_PORT set),
/// against Azurite, then driven through the host protocol. Uses the folder in <c>RW_PUBLISHED_APP</c> when test.sh
/// published it already; otherwise runs ./publish.sh into a temporary folder.
/// </summary>
public sealed class PublishedAppTests : IAsyncLifetime
{
    private string _folder = "";
    private string? _temporary;

    public async Task InitializeAsync()
    {
        var published = Environment.GetEnvironmentVariable("RW_PUBLISHED_APP");
        if (!string.IsNullOrWhiteSpace(published))
        {
            _folder = published;
            return;
        }

        _temporary = System.IO.Directory.CreateTempSubdirectory("rw-publish-").FullName;
        _folder = Path.Combine(_temporary, "functionapp");
        var (code, output) = await RunAsync(Path.Combine(Azurite.RepositoryRoot(), "publish.sh"), [_folder], Azurite.RepositoryRoot());
        Assert.True(code == 0, "publish.sh failed:\n" + output);
    }

    public Task DisposeAsync()
    {
        if (_temporary is not null)
        {
            System.IO.Directory.Delete(_temporary, recursive: true);
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task Published_folder_is_a_Functions_app_and_its_executable_answers_the_host_protocol()
    {
        using var hostJson = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_folder, "host.json")));
        var exe = hostJson.RootElement.GetProperty("customHandler").GetProperty("description").GetProperty("defaultExecutablePath").GetString()!;
        Assert.True(File.Exists(Path.Combine(_folder, exe)), $"{exe} named in host.json is not in the folder");
        Assert.True(File.Exists(Path.Combine(_folder, "libcoreclr.so")), "not self-contained: the .NET runtime is not in the folder");
        foreach (var function in FunctionNames.All)
        {
            Assert.True(File.Exists(Path.Combine(_folder, function, "function.json")), $"{function}/function.json missing");
        }

        var port = Azurite.FreePort();
        var hub = "p" + Guid.NewGuid().ToString("N")[..12];
        var psi = new ProcessStartInfo(Path.Combine(_folder, exe))
        {
            WorkingDirectory = _folder,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(CultureInfo.InvariantCulture);
        psi.Environment["FUNCTIONS_WORKER_RUNTIME"] = "Custom";
        psi.Environment["AzureWebJobsStorage"] = await Azurite.GetConnectionStringAsync();
        psi.Environment["Durable__HubName"] = hub;
        psi.Environment["Durable__PartitionCount"] = "1";
        var output = new StringBuilder();
        using var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };

            // The host pings GET / until the handler answers.
            HttpResponseMessage? ping = null;
            for (var attempt = 0; attempt < 300 && ping is null && !process.HasExited; attempt++)
            {
                try
                {
                    ping = await http.GetAsync("/");
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(200);
                }
            }

            Assert.True(ping is not null, "the published executable never answered GET /. Output:\n" + output);
            Assert.Equal(HttpStatusCode.OK, ping!.StatusCode);

            // The Http function forwards /health.
            using var health = new HttpRequestMessage(HttpMethod.Get, "/health");
            health.Headers.Add("X-Azure-Functions-HostVersion", "4.1036.1.23224");
            health.Headers.Add("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());
            using var healthResponse = await http.SendAsync(health);
            Assert.Equal(HttpStatusCode.OK, healthResponse.StatusCode);

        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, string[] args, string workingDirectory)
    {
        var psi = new ProcessStartInfo(file, args)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
