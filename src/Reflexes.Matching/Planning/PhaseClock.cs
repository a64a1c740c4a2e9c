using System.Diagnostics;

namespace Reflexes.Matching.Planning;

/// <summary>Measures the wall and processor time of the engine's phases.</summary>
internal sealed class PhaseClock
{
    private long _started = Stopwatch.GetTimestamp();
    private TimeSpan _cpu = Environment.CpuUsage.TotalTime;

    public void Restart()
    {
        _started = Stopwatch.GetTimestamp();
        _cpu = Environment.CpuUsage.TotalTime;
    }

    public PhaseTiming Lap(string phase, string note = "") =>
        new(phase, Stopwatch.GetElapsedTime(_started).TotalSeconds, (Environment.CpuUsage.TotalTime - _cpu).TotalSeconds, note);
}
