using System.Globalization;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace NewsLsp.Trace;

/// <summary>
/// Where a recording's allocations and CPU went: allocation by type and by allocating stack (up to the fifth NewsLsp
/// frame), and CPU samples of threads running managed code (waiting threads left out) by frame, inclusive.
/// With a focus frame, the call chains that lead to it instead.
/// </summary>
internal static class TraceReport
{
    private const int SampleRunningManagedCode = 2;

    public static void Print(string file, string? focus, TextWriter output)
    {
        using var log = TraceLog.OpenOrConvert(TraceLog.CreateFromEventPipeDataFile(file));
        var allocatedByType = new Dictionary<string, double>();
        var allocatedByStack = new Dictionary<string, double>();
        var samplesByFrame = new Dictionary<string, int>();
        double allocated = 0;
        var samples = 0;
        foreach (var e in log.Events)
        {
            if (e is GCAllocationTickTraceData tick)
            {
                allocated += tick.AllocationAmount64;
                Add(allocatedByType, tick.TypeName, tick.AllocationAmount64);
                Add(allocatedByStack, tick.TypeName + " <- " + string.Join(" <- ", Frames(e.CallStack()).TakeUntilNth(f => f.StartsWith("NewsLsp", StringComparison.Ordinal), 5)), tick.AllocationAmount64);
            }
            else if (e.ProviderName == "Microsoft-DotNETCore-SampleProfiler" && Convert.ToInt32(e.PayloadByName("Type"), CultureInfo.InvariantCulture) == SampleRunningManagedCode)
            {
                samples++;
                var frames = Frames(e.CallStack()).ToList();
                if (focus is not null)
                {
                    var at = frames.FindIndex(f => f.Contains(focus, StringComparison.Ordinal));
                    if (at >= 0) Count(samplesByFrame, string.Join(" <- ", frames.Skip(at).Take(8)));
                    continue;
                }
                foreach (var frame in frames.Distinct()) Count(samplesByFrame, frame);
            }
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocated (sampled by allocation ticks) ≈ {allocated / 1e6:F0} MB; CPU samples of running managed code: {samples}"));
        if (focus is null)
        {
            output.WriteLine("--- allocation by type");
            foreach (var (type, bytes) in allocatedByType.OrderByDescending(p => p.Value).Take(25)) output.WriteLine(Percent(bytes, allocated) + "  " + type);
            output.WriteLine("--- allocation by stack");
            foreach (var (stack, bytes) in allocatedByStack.OrderByDescending(p => p.Value).Take(40)) output.WriteLine(Percent(bytes, allocated) + "  " + stack);
        }
        output.WriteLine(focus is null ? "--- CPU by frame (inclusive)" : $"--- CPU in call chains through '{focus}'");
        foreach (var (frame, count) in samplesByFrame.OrderByDescending(p => p.Value).Take(focus is null ? 120 : 30)) output.WriteLine(Percent(count, samples) + "  " + frame);
    }

    private static IEnumerable<string> Frames(TraceCallStack? stack)
    {
        for (var s = stack; s is not null; s = s.Caller)
        {
            var name = s.CodeAddress.FullMethodName;
            if (string.IsNullOrEmpty(name)) continue;
            var parameters = name.IndexOf('(', StringComparison.Ordinal);
            yield return parameters > 0 ? name[..parameters] : name;
        }
    }

    private static IEnumerable<string> TakeUntilNth(this IEnumerable<string> frames, Func<string, bool> counts, int n)
    {
        var seen = 0;
        foreach (var frame in frames)
        {
            yield return frame;
            if (counts(frame) && ++seen == n) yield break;
        }
    }

    private static void Count(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    private static void Add(Dictionary<string, double> totals, string key, double amount) => totals[key] = totals.GetValueOrDefault(key) + amount;

    private static string Percent(double part, double whole) => (whole == 0 ? 0 : part / whole * 100).ToString("F1", CultureInfo.InvariantCulture).PadLeft(6) + "%";
}
