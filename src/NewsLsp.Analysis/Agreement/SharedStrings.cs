using System.Collections.Concurrent;

namespace NewsLsp.Analysis.Agreement;

/// <summary>
/// One instance of each stem and normalised word the agreement summaries keep: the same few tens of thousands of words
/// recur in every article's quotes, number contexts and signature, and a separate string for each use made the
/// summaries as large as the syntax trees. Bounded, so words typed and abandoned in a long session cannot grow it
/// without limit: once full, new strings are kept as they are (equal, only not shared).
/// </summary>
public static class SharedStrings
{
    private const int Capacity = 1 << 18;

    private static readonly ConcurrentDictionary<string, string> Pool = new(StringComparer.Ordinal);

    // Counted here because ConcurrentDictionary.Count takes every bucket lock, and Share runs for every word of every
    // summary. Approximate under races (a lost TryAdd still counts), which only makes the bound slightly tighter.
    private static int _added;

    public static string Share(string value)
    {
        if (Pool.TryGetValue(value, out var shared)) return shared;
        if (Volatile.Read(ref _added) >= Capacity) return value;
        Interlocked.Increment(ref _added);
        return Pool.GetOrAdd(value, value);
    }
}
