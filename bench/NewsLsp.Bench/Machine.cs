namespace NewsLsp.Bench;

/// <summary>The machine the figures were taken on: cores, memory, CPU model and the load when the run started.</summary>
internal static class Machine
{
    public static string Describe()
    {
        var cpu = ReadFirst("/proc/cpuinfo", "model name")?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var memory = ReadFirst("/proc/meminfo", "MemTotal")?.Split(':', 2)[1].Trim() ?? "unknown memory";
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[..3] : ["?"];
        return $"{Environment.ProcessorCount} cores ({cpu}), {memory} RAM, load average {string.Join(' ', load)} at start, .NET {Environment.Version}";
    }

    private static string? ReadFirst(string path, string prefix) =>
        File.Exists(path) ? File.ReadLines(path).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal)) : null;
}
