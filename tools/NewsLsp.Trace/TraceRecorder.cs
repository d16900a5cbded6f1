using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace NewsLsp.Trace;

/// <summary>
/// Records a running process over its diagnostics port: the runtime's GC events at verbose level (allocation ticks,
/// one per ~100 KB allocated, with the allocating stack), JIT and loader events (to name managed frames), and the
/// sample profiler (every thread's stack each millisecond).
/// </summary>
internal static class TraceRecorder
{
    public static void Record(int processId, TimeSpan duration, string file)
    {
        var keywords = ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.Loader | ClrTraceEventParser.Keywords.Jit |
                       ClrTraceEventParser.Keywords.JittedMethodILToNativeMap;
        EventPipeProvider[] providers =
        [
            new("Microsoft-Windows-DotNETRuntime", EventLevel.Verbose, (long)keywords),
            new("Microsoft-DotNETCore-SampleProfiler", EventLevel.Informational),
        ];
        using var session = new DiagnosticsClient(processId).StartEventPipeSession(providers, requestRundown: true, circularBufferMB: 512);
        using var output = File.Create(file);
        var copy = session.EventStream.CopyToAsync(output);
        Thread.Sleep(duration);
        session.Stop();
        copy.Wait();
    }
}
