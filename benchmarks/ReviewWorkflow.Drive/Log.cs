using System.Diagnostics;

namespace ReviewWorkflow.Drive;

/// <summary>Progress lines on stderr with the seconds since start (stdout carries the figures and the RESULT line).</summary>
internal static class Log
{
    private static readonly Stopwatch Clock = Stopwatch.StartNew();

    public static void Say(string message) => Console.Error.WriteLine($"[{Clock.Elapsed.TotalSeconds,7:F1}s] {message}");
}
