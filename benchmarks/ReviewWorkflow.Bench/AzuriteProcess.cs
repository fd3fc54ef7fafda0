using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ReviewWorkflow.Bench;

/// <summary>A private, in-memory Azurite from the repository's node_modules on free ports; killed on dispose.</summary>
internal sealed class AzuriteProcess : IAsyncDisposable
{
    private readonly Process _process;

    private AzuriteProcess(Process process, string connectionString)
    {
        _process = process;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public int ProcessId => _process.Id;

    public static async Task<AzuriteProcess> StartAsync(string repositoryRoot)
    {
        var azurite = Path.Combine(repositoryRoot, "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException($"Azurite is not installed at {azurite}; run 'npm ci' (bench.sh does).");
        }

        int blob = FreePort(), queue = FreePort(), table = FreePort();
        var psi = new ProcessStartInfo(azurite) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[]
                 {
                     "--silent", "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--disableTelemetry",
                     "--blobHost", "127.0.0.1", "--blobPort", Str(blob),
                     "--queueHost", "127.0.0.1", "--queuePort", Str(queue),
                     "--tableHost", "127.0.0.1", "--tablePort", Str(table),
                 })
        {
            psi.ArgumentList.Add(arg);
        }

        var process = Process.Start(psi) ?? throw new InvalidOperationException("Could not start Azurite.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        foreach (var port in new[] { blob, queue, table })
        {
            while (true)
            {
                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, port);
                    break;
                }
                catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
                {
                    await Task.Delay(100);
                }
            }
        }

        var connection = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
            "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
            $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;" +
            $"QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";
        return new AzuriteProcess(process, connection);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
            // already exited
        }

        _process.Dispose();
    }

    private static string Str(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
