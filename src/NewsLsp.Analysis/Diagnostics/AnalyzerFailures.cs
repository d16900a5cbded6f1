using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace NewsLsp.Analysis;

/// <summary>
/// Analyzer exceptions, kept so the edge can log them. An analyzer that throws loses its own findings for that
/// article; every other analyzer still runs.
/// </summary>
public static class AnalyzerFailures
{
    private static readonly ConcurrentQueue<string> Recent = new();

    public static event Action<string>? Failed;

    internal static void Record(ImmutableArray<DiagnosticDescriptor> descriptors, Exception exception)
    {
        var message = $"analyzer for {string.Join(", ", descriptors.Select(d => d.Id))} failed: {exception}";
        Recent.Enqueue(message);
        while (Recent.Count > 50) Recent.TryDequeue(out _);
        Failed?.Invoke(message);
    }

    public static IReadOnlyList<string> RecentFailures => Recent.ToArray();
}
