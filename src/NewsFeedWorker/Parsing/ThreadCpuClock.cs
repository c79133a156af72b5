using System.Runtime.InteropServices;

namespace NewsFeedWorker.Parsing;

/// <summary>
/// CPU time used by the calling thread, so a page's budget counts the parse's own work: on a loaded machine (other
/// parses, a build) wall time would drop pages that are not complex at all. Linux reads the thread clock; elsewhere
/// the elapsed time stands in.
/// </summary>
internal static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    private static readonly bool Available = OperatingSystem.IsLinux() && Environment.Is64BitProcess && TryRead(out _);

    public static TimeSpan Now() =>
        Available && TryRead(out var cpu) ? cpu : TimeProvider.System.GetElapsedTime(0);

    private static bool TryRead(out TimeSpan cpu)
    {
        try
        {
            if (ClockGetTime(ClockThreadCpuTimeId, out var spec) == 0)
            {
                cpu = TimeSpan.FromTicks((spec.Seconds * TimeSpan.TicksPerSecond) + (spec.Nanoseconds / 100));
                return true;
            }
        }
        catch (DllNotFoundException)
        {
        }
        catch (EntryPointNotFoundException)
        {
        }

        cpu = TimeSpan.Zero;
        return false;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int ClockGetTime(int clockId, out TimeSpec time);
}
