using System.Diagnostics;
using System.Runtime.InteropServices;

namespace GraphApi.Benchmarks;

/// <summary>
/// This thread's CPU time in seconds (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>): a search runs on the calling thread, so other
/// processes and the runtime's own threads do not count; elsewhere, the process's time. (RoutePairsReport keeps its own.)
/// </summary>
internal static class ThreadCpu
{
    private const int ClockThreadCpuTime = 3;

    public static double Seconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            using var process = Process.GetCurrentProcess();
            return process.TotalProcessorTime.TotalSeconds;
        }
        _ = ClockGetTime(ClockThreadCpuTime, out var now);
        return now.Seconds + (now.Nanoseconds * 1e-9);
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out CpuTime time);

    [StructLayout(LayoutKind.Sequential)]
    private struct CpuTime
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
