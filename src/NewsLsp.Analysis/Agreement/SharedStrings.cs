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

    // The same pool looked up by characters: a caller holding part of a string (a stem) finds the shared instance
    // without first making a string of it.
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> PoolByChars =
        Pool.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The shared instance of <paramref name="value"/>, a prefix of <paramref name="whole"/> (if given):
    /// <paramref name="whole"/> itself when they are equal and nothing is shared yet, so that a string is made only
    /// for a new prefix.
    /// </summary>
    public static string Share(ReadOnlySpan<char> value, string? whole)
    {
        if (PoolByChars.TryGetValue(value, out var shared)) return shared;
        return Share(whole is not null && value.Length == whole.Length ? whole : value.ToString());
    }

    public static string Share(string value)
    {
        if (Pool.TryGetValue(value, out var shared)) return shared;
        if (Volatile.Read(ref _added) >= Capacity) return value;
        Interlocked.Increment(ref _added);
        return Pool.GetOrAdd(value, value);
    }
}
