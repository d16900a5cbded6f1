using System.Runtime.InteropServices;

namespace NewsLsp.Bench.Measure;

/// <summary>
/// This thread's CPU time (<c>CLOCK_THREAD_CPUTIME_ID</c>): what a piece of work cost, whatever else shares the
/// cores. Wall-clock is noise on a shared machine; the thread's CPU time is not, unless the work runs on other threads.
/// </summary>
internal static class ThreadCpuClock
{
    private const int ThreadCpuClockId = 3; // CLOCK_THREAD_CPUTIME_ID on Linux

    public static double Milliseconds()
    {
        if (ClockGetTime(ThreadCpuClockId, out var time) != 0) throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
        return time.Seconds * 1e3 + time.Nanoseconds / 1e6;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}
