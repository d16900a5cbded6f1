using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;

namespace NewsLsp.Trace;

/// <summary>
/// Prints the runtime's own memory counters of a running process every interval: working set, the GC's committed
/// bytes, heap size and fragmentation. Working set minus GC committed is the memory outside the GC heap, so a step in
/// RSS can be told apart as heap (the GC keeping free space) or native.
/// </summary>
internal static class CounterSampler
{
    private static readonly string[] Shown = ["working-set", "gc-committed", "gc-heap-size", "gc-fragmentation", "gen-2-gc-count", "alloc-rate"];

    public static void Sample(int processId, TimeSpan duration, int intervalSeconds, TextWriter output)
    {
        var arguments = new Dictionary<string, string> { ["EventCounterIntervalSec"] = intervalSeconds.ToString(CultureInfo.InvariantCulture) };
        EventPipeProvider[] providers = [new("System.Runtime", EventLevel.Informational, -1, arguments)];
        using var session = new DiagnosticsClient(processId).StartEventPipeSession(providers, requestRundown: false);
        using var source = new EventPipeEventSource(session.EventStream);
        var current = new Dictionary<string, double>();
        var started = DateTime.UtcNow;
        // Units as the runtime reports them: MB, MB, MB, percent, collections and bytes per interval.
        output.WriteLine("seconds\tworking set MB\tGC committed MB\tGC heap MB\tfragmentation %\tgen2 GCs\tallocated bytes");
        source.Dynamic.All += e =>
        {
            if (e.EventName != "EventCounters" || e.PayloadValue(0) is not IDictionary<string, object> wrapper ||
                wrapper["Payload"] is not IDictionary<string, object> payload) return;
            var name = (string)payload["Name"];
            current[name] = Convert.ToDouble(payload.TryGetValue("Mean", out var mean) ? mean : payload["Increment"], CultureInfo.InvariantCulture);
            // The counters of one interval arrive together; a line once the last shown one is in.
            if (name != Shown[^1] && !(current.Count >= Shown.Length && Shown.All(current.ContainsKey))) return;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(DateTime.UtcNow - started).TotalSeconds:F0}\t") +
                string.Join('\t', Shown.Select(s => current.TryGetValue(s, out var v) ? v.ToString("F0", CultureInfo.InvariantCulture) : "-")));
            current.Clear();
        };
        var processing = Task.Run(source.Process);
        Thread.Sleep(duration);
        session.Stop();
        processing.Wait(TimeSpan.FromSeconds(10));
    }
}
