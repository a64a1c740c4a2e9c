using System.Diagnostics;
using System.Globalization;

namespace Reflexes.Outreach.Bench;

/// <summary>
/// CPU time spent by this process (both app instances and the callers) and by the PostgreSQL server the
/// bench runs on, when that server is a local process (found by its "-p PORT" argument in /proc). On a
/// machine shared with other work, CPU per claim compares across runs better than claims per second.
/// </summary>
internal sealed class CpuTime(int port)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    private readonly int? _postmaster = FindPostmaster(port);

    public bool SeesDatabase => _postmaster is not null;

    public (TimeSpan Process, TimeSpan? Database) Now()
    {
        using var self = Process.GetCurrentProcess();
        return (self.TotalProcessorTime, _postmaster is { } pid ? DatabaseTime(pid) : null);
    }

    /// <summary>The postmaster's own time, its reaped children's (ended backends), and its live children's.</summary>
    private static TimeSpan? DatabaseTime(int postmaster)
    {
        var own = Stat(postmaster);
        if (own is null)
        {
            return null;
        }

        double ticks = own.Value.Utime + own.Value.Stime + own.Value.Cutime + own.Value.Cstime;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && Stat(pid) is { } child && child.Parent == postmaster)
            {
                ticks += child.Utime + child.Stime;
            }
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    private static (int Parent, long Utime, long Stime, long Cutime, long Cstime)? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            // The command name is in parentheses and may hold spaces: fields start after the last ')'.
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            long F(int field) => long.Parse(fields[field - 3], CultureInfo.InvariantCulture);
            return ((int)F(4), F(14), F(15), F(16), F(17));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static int? FindPostmaster(int port)
    {
        if (!Directory.Exists("/proc"))
        {
            return null;
        }

        var flag = "-p\0" + port.ToString(CultureInfo.InvariantCulture) + "\0";
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline"));
                if (cmdline.Contains("postgres", StringComparison.Ordinal) && cmdline.Contains(flag, StringComparison.Ordinal) && Stat(pid) is { Parent: not 0 })
                {
                    return pid;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A process that ended meanwhile, or one we may not read.
            }
        }

        return null;
    }
}
