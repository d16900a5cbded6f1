using System.Globalization;
using NewsLsp.Trace;

// newslsp-trace record <pid> <seconds> <file.nettrace>
// newslsp-trace report <file.nettrace> [--focus <frame>]
// newslsp-trace counters <pid> <seconds> [interval seconds]   (memory counters: working set, GC committed, heap, fragmentation)
// Exit code 0: done; 2: usage.
try
{
    switch (args)
    {
        case ["record", var pid, var seconds, var file]:
            TraceRecorder.Record(int.Parse(pid, CultureInfo.InvariantCulture), TimeSpan.FromSeconds(double.Parse(seconds, CultureInfo.InvariantCulture)), file);
            return 0;
        case ["counters", var pid, var seconds, .. var rest] when rest.Length <= 1:
            CounterSampler.Sample(int.Parse(pid, CultureInfo.InvariantCulture), TimeSpan.FromSeconds(double.Parse(seconds, CultureInfo.InvariantCulture)),
                rest.Length == 1 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 5, Console.Out);
            return 0;
        case ["report", var file]:
            TraceReport.Print(file, focus: null, Console.Out);
            return 0;
        case ["report", var file, "--focus", var focus]:
            TraceReport.Print(file, focus, Console.Out);
            return 0;
    }
}
catch (FormatException ex)
{
    Console.Error.WriteLine(ex.Message);
}
Console.Error.WriteLine("usage: record <pid> <seconds> <file.nettrace> | report <file.nettrace> [--focus <frame>] | counters <pid> <seconds> [interval]");
return 2;
