using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace ReviewWorkflow.Drive;

/// <summary>
/// The app as its own process (<c>dotnet ReviewWorkflow.App.dll</c>), Development environment, on a fixed loopback port,
/// with its own task hub, workflow tables, outbox folder, link-signing key and clock file, so a restart after SIGKILL
/// continues the same run. Its console goes to <c>app.log</c> in the work folder.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private readonly DriveOptions _options;
    private readonly Dictionary<string, string> _environment;
    private readonly HttpClient _probe;
    private Process? _process;

    public AppProcess(DriveOptions options)
    {
        _options = options;
        Port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{Port}/");
        var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        TaskHub = "drive" + suffix;
        AuditTable = "driveaudit" + suffix;
        ResponsesTable = "driveresp" + suffix;
        OutboxFolder = Path.Combine(options.WorkFolder, "outbox");
        LogFile = Path.Combine(options.WorkFolder, "app.log");
        _environment = new(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/'),
            ["Urls"] = BaseAddress.ToString().TrimEnd('/'), // appsettings.json's Urls outranks ASPNETCORE_URLS
            ["AzureWebJobsStorage"] = options.Storage,
            ["Durable__HubName"] = TaskHub,
            // A SIGKILLed worker's partition leases and locked messages come free after these (the defaults, 30 s and
            // 5 min, are for production); polls and the wake-up sweep every second keep the driven app responsive.
            ["Durable__LeaseInterval"] = "00:00:15",
            ["Durable__LeaseRenewInterval"] = "00:00:05",
            ["Durable__LeaseAcquireInterval"] = "00:00:05",
            ["Durable__ControlQueueVisibilityTimeout"] = "00:00:30",
            ["Durable__WorkItemQueueVisibilityTimeout"] = "00:00:30",
            ["Durable__MaxQueuePollingInterval"] = "00:00:01",
            ["Durable__WakeUpSweepInterval"] = "00:00:02",
            ["Workflow__PublicBaseUrl"] = BaseAddress.ToString(),
            ["Workflow__LinkSigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Workflow__AuditTable"] = AuditTable,
            ["Workflow__ResponsesTable"] = ResponsesTable,
            ["Workflow__EmailLedgerTable"] = "driveledger" + suffix,
            ["Workflow__WebhookEventsTable"] = "drivehooks" + suffix,
            ["Workflow__LinksTable"] = "drivelinks" + suffix,
            ["Email__SendGridApiKey"] = "",
            ["Email__OutboxPath"] = OutboxFolder,
            ["Development__ControllableClock"] = "true",
            ["Development__ClockFile"] = Path.Combine(options.WorkFolder, "clock.txt"),
            ["Logging__LogLevel__Default"] = "Warning",
        };
        _probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public string TaskHub { get; }

    public string AuditTable { get; }

    public string ResponsesTable { get; }

    public string OutboxFolder { get; }

    public string LogFile { get; }

    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    /// <summary>Extra settings (for example rate limits for the load run), applied from the next start.</summary>
    public void Set(string key, string value) => _environment[key] = value;

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(_options.AppDll)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(_options.AppDll);
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        _process = process;
        _ = CopyAsync(process.StandardOutput);
        _ = CopyAsync(process.StandardError);
        await WaitReadyAsync(process, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>SIGKILL (Process.Kill sends SIGKILL on Linux): no shutdown hooks, no flushing, like a pulled plug.</summary>
    public async Task KillAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        try
        {
            process.Kill(entireProcessTree: false);
        }
        catch (InvalidOperationException)
        {
        }

        await process.WaitForExitAsync().ConfigureAwait(false);
        process.Dispose();
        _process = null;
    }

    /// <summary>Peak resident set (VmHWM) of the running app in MB, or 0 when it cannot be read.</summary>
    public double PeakMegabytes() => ReadStatusKilobytes("VmHWM:") / 1024.0;

    public double ResidentMegabytes() => ReadStatusKilobytes("VmRSS:") / 1024.0;

    private long ReadStatusKilobytes(string field)
    {
        if (ProcessId is not { } pid)
        {
            return 0;
        }

        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private async Task WaitReadyAsync(Process process, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        var last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {process.ExitCode} while starting; see {LogFile}.");
            }

            try
            {
                using var response = await _probe.GetAsync(new Uri("health", UriKind.Relative), cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                last = ex.Message;
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException($"The app did not answer /health with 200 within 3 minutes (last: {last}); see {LogFile}.");
    }

    private async Task CopyAsync(StreamReader reader)
    {
        try
        {
            while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                lock (_environment)
                {
                    File.AppendAllText(LogFile, line + Environment.NewLine);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            try
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
            }

            process.Dispose();
        }

        _probe.Dispose();
    }
}
