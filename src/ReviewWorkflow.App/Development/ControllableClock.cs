using System.Globalization;
using IODirectory = System.IO.Directory;
using IOFile = System.IO.File;

namespace ReviewWorkflow.App.Development;

/// <summary>
/// A Development-only clock: the system clock plus an offset kept in a file, so a script can jump the app to a
/// committee's meeting day and the jump survives the app being killed and restarted. It only moves forward.
/// </summary>
public sealed class ControllableClock : TimeProvider
{
    private readonly string _file;
    private readonly TimeProvider _system;
    private readonly Lock _gate = new();
    private long _offsetTicks;

    /// <param name="file">Where the offset lives (created on the first jump; its folder too).</param>
    /// <param name="system">The underlying clock (the system clock outside tests).</param>
    public ControllableClock(string file, TimeProvider? system = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        _file = Path.GetFullPath(file);
        _system = system ?? System;
        _offsetTicks = ReadOffset(_file).Ticks;
    }

    /// <summary>The file that holds the offset.</summary>
    public string FilePath => _file;

    /// <summary>How far ahead of the system clock this clock runs.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => _system.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => _system.LocalTimeZone;

    /// <summary>Moves the clock to <paramref name="instant"/> (it keeps running from there) and writes the offset to
    /// the file before returning. False, and nothing changes, when <paramref name="instant"/> is in this clock's past.</summary>
    public bool TryJumpTo(DateTimeOffset instant)
    {
        lock (_gate)
        {
            var offset = instant - _system.GetUtcNow();
            if (offset.Ticks < Interlocked.Read(ref _offsetTicks))
            {
                return false;
            }

            WriteOffset(_file, offset);
            Interlocked.Exchange(ref _offsetTicks, offset.Ticks);
            return true;
        }
    }

    private static TimeSpan ReadOffset(string file)
    {
        if (!IOFile.Exists(file))
        {
            return TimeSpan.Zero;
        }

        var text = IOFile.ReadAllText(file).Trim();
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ticks) && ticks >= 0
            ? TimeSpan.FromTicks(ticks)
            : throw new InvalidOperationException($"The development clock file {file} does not hold a non-negative tick count; delete it to start from the system clock.");
    }

    /// <summary>Written under a temporary name and renamed, so a kill mid-write leaves the old offset, never half a number.</summary>
    private static void WriteOffset(string file, TimeSpan offset)
    {
        IODirectory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temporary = file + ".tmp";
        IOFile.WriteAllText(temporary, offset.Ticks.ToString(CultureInfo.InvariantCulture));
        IOFile.Move(temporary, file, overwrite: true);
    }
}
