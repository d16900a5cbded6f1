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

    public static string Share(string value)
    {
        if (Pool.TryGetValue(value, out var shared)) return shared;
        return Pool.Count < Capacity ? Pool.GetOrAdd(value, value) : value;
    }
}
