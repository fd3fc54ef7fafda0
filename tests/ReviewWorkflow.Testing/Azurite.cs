using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ReviewWorkflow.Testing;

/// <summary>
/// Real Azurite for tests. If <c>RW_TEST_STORAGE</c> holds a connection string (test.sh starts one Azurite for
/// the whole run and sets it), that is used; otherwise one Azurite process per test process is started from the
/// repository's node_modules on free ports, in memory, and killed when the process exits.
/// </summary>
public static class Azurite
{
    public const string EnvironmentVariable = "RW_TEST_STORAGE";

    /// <summary>Azurite's (and the storage emulator's) well-known, published account key: not a secret.</summary>
    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly Lazy<Task<string>> Started = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    private static Process? _process;
    private static int _counter;

    /// <summary>Connection string of a running Azurite.</summary>
    public static Task<string> GetConnectionStringAsync() => Started.Value;

    /// <summary>A table name unique to this test run (letters and digits, starts with a letter).</summary>
    public static string UniqueTableName(string prefix = "t")
        => $"{prefix}{Environment.ProcessId:x}{Interlocked.Increment(ref _counter):x}{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>A queue name unique to this test run (lowercase letters, digits and dashes).</summary>
    public static string UniqueQueueName(string prefix = "q")
        => $"{prefix.ToLowerInvariant()}-{Environment.ProcessId:x}-{Interlocked.Increment(ref _counter):x}-{Guid.NewGuid().ToString("N")[..8]}";

    public static string ConnectionStringFor(int tablePort, int queuePort, int blobPort) =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        $"AccountKey={DevelopmentAccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";

    /// <summary>The repository root (the folder holding ReviewWorkflow.sln).</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ReviewWorkflow.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (ReviewWorkflow.sln) above " + AppContext.BaseDirectory);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<string> StartAsync()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment;
        }

        var root = RepositoryRoot();
        var azurite = Path.Combine(root, "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException($"Azurite is not installed at {azurite}. Run ./test.sh (it runs 'npm ci'), or set {EnvironmentVariable}.");
        }

        int blob = FreePort(), queue = FreePort(), table = FreePort();
        var psi = new ProcessStartInfo(azurite)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "--silent", "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--disableTelemetry",
                     "--blobHost", "127.0.0.1", "--blobPort", blob.ToString(CultureInfo.InvariantCulture),
                     "--queueHost", "127.0.0.1", "--queuePort", queue.ToString(CultureInfo.InvariantCulture),
                     "--tableHost", "127.0.0.1", "--tablePort", table.ToString(CultureInfo.InvariantCulture),
                 })
        {
            psi.ArgumentList.Add(arg);
        }

        _process = Process.Start(psi) ?? throw new InvalidOperationException("Could not start Azurite.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                _process?.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // already gone
            }
        };

        var deadline = DateTime.UtcNow.AddSeconds(60);
        foreach (var port in new[] { blob, queue, table })
        {
            while (true)
            {
                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
                    break;
                }
                catch (SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
                {
                    await Task.Delay(100).ConfigureAwait(false);
                }
            }
        }

        return ConnectionStringFor(table, queue, blob);
    }
}
