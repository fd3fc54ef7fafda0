using System.Globalization;

namespace ReviewWorkflow.Drive;

/// <summary>Command line: <c>chaos|load --app &lt;ReviewWorkflow.App.dll&gt; --storage &lt;connection string&gt; --work &lt;folder&gt;
/// [--cycles n] [--consultees n] [--kills n] [--page-views n] [--seed n]</c>; load only: <c>[--burst] [--ramp-s n]
/// [--think-min-ms n] [--think-max-ms n] [--page-loads n] [--connections n] [--storage-pid n]</c>. A flag without a value (<c>--burst</c>) is true.</summary>
internal sealed record DriveOptions(string Mode, string AppDll, string Storage, string WorkFolder, int Cycles, int Consultees, int Kills, int PageViews, int Seed)
{
    /// <summary>Load: the old stress mode, every request of every session released at once with no think time.</summary>
    public bool Burst { get; init; }

    /// <summary>Load (users): every session starts at a random moment within this many seconds.</summary>
    public int RampSeconds { get; init; } = 10;

    public int ThinkMinMs { get; init; } = 1000;

    public int ThinkMaxMs { get; init; } = 5000;

    /// <summary>Load (users): page loads per page viewer.</summary>
    public int PageLoads { get; init; } = 3;

    /// <summary>Load: client connections (0 = one per concurrent user in users mode, 128 in burst mode).</summary>
    public int Connections { get; init; }

    /// <summary>Load: the storage emulator's process id (0 = unknown), so its CPU time in the measured phase is printed too.</summary>
    public int StoragePid { get; init; }

    public static DriveOptions Parse(string[] args)
    {
        const string usage = "Usage: ReviewWorkflow.Drive chaos|load --app <dll> --storage <connection string> --work <folder> [--cycles n] [--consultees n] [--kills n] [--page-views n] [--seed n] "
            + "[--burst] [--ramp-s n] [--think-min-ms n] [--think-max-ms n] [--page-loads n] [--connections n] [--storage-pid n]";
        if (args.Length == 0 || args[0] is not ("chaos" or "load"))
        {
            throw new ArgumentException(usage);
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{args[i]}'. " + usage);
            }

            var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            values[args[i][2..]] = hasValue ? args[++i] : "true";
        }

        string Required(string name) => values.TryGetValue(name, out var v) && v.Length > 0 ? v : throw new ArgumentException($"--{name} is required.");
        int Number(string name, int fallback)
        {
            if (!values.TryGetValue(name, out var v))
            {
                return fallback;
            }

            return int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : throw new ArgumentException($"--{name} takes a whole number of 0 or more, not '{v}'.");
        }

        var chaos = args[0] == "chaos";
        var options = new DriveOptions(
            args[0],
            Path.GetFullPath(Required("app")),
            Required("storage"),
            Path.GetFullPath(Required("work")),
            Number("cycles", chaos ? 50 : 10),
            Number("consultees", chaos ? 10 : 100),
            Number("kills", 10),
            Number("page-views", 200),
            Number("seed", Environment.TickCount & int.MaxValue))
        {
            Burst = values.TryGetValue("burst", out var burst) && burst is "true" or "1" or "yes",
            RampSeconds = Number("ramp-s", 10),
            ThinkMinMs = Number("think-min-ms", 1000),
            ThinkMaxMs = Number("think-max-ms", 5000),
            PageLoads = Math.Max(1, Number("page-loads", 3)),
            Connections = Number("connections", 0),
            StoragePid = Number("storage-pid", 0),
        };
        return options.ThinkMaxMs < options.ThinkMinMs ? throw new ArgumentException("--think-max-ms must be at least --think-min-ms.") : options;
    }
}
