using System.Globalization;

namespace ReviewWorkflow.Drive;

/// <summary>Command line: <c>chaos|load --app &lt;ReviewWorkflow.App.dll&gt; --storage &lt;connection string&gt; --work &lt;folder&gt;
/// [--cycles n] [--consultees n] [--kills n] [--page-views n] [--seed n]</c>.</summary>
internal sealed record DriveOptions(string Mode, string AppDll, string Storage, string WorkFolder, int Cycles, int Consultees, int Kills, int PageViews, int Seed)
{
    public static DriveOptions Parse(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("chaos" or "load"))
        {
            throw new ArgumentException("Usage: ReviewWorkflow.Drive chaos|load --app <dll> --storage <connection string> --work <folder> [--cycles n] [--consultees n] [--kills n] [--page-views n] [--seed n]");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length - 1; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        string Required(string name) => values.TryGetValue(name, out var v) && v.Length > 0 ? v : throw new ArgumentException($"--{name} is required.");
        int Number(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var chaos = args[0] == "chaos";
        return new DriveOptions(
            args[0],
            Path.GetFullPath(Required("app")),
            Required("storage"),
            Path.GetFullPath(Required("work")),
            Number("cycles", chaos ? 50 : 10),
            Number("consultees", chaos ? 10 : 100),
            Number("kills", 10),
            Number("page-views", 200),
            Number("seed", Environment.TickCount));
    }
}
