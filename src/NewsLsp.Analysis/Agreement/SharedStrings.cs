namespace NewsLsp.Analysis.Agreement;

/// <summary>
/// One instance of each stem and normalised word the agreement summaries keep: the same few tens of thousands of words
/// recur in every article's quotes, number contexts and signature, and a separate string for each use made the
/// summaries as large as the syntax trees.
/// </summary>
/// <remarks>
/// A lossy, fixed-size table (as Roslyn's <c>StringTable</c>): each string hashes to one slot, and a different string
/// landing there replaces it. A pool that only grows kept every word ever typed in a long session alive — in the soak,
/// about 500 new strings a second, 2–3 MiB a minute until its cap — whereas this one holds at most
/// <see cref="SlotCount"/> strings, reached and then constant. Frequent words are the ones shared and they come back
/// to their slot at once; a collision costs only a duplicate, never a wrong answer (callers compare by value).
/// Races likewise only lose sharing: slot reads and writes are single reference stores.
/// </remarks>
public static class SharedStrings
{
    // 2^17 slots: 1 MiB of references; enough for the vocabulary of a 10,000-article corpus's frequent words.
    private const int SlotCount = 1 << 17;

    private static readonly string?[] Slots = new string?[SlotCount];

    public static string Share(string value)
    {
        ref var slot = ref Slots[string.GetHashCode(value, StringComparison.Ordinal) & (SlotCount - 1)];
        var existing = Volatile.Read(ref slot);
        if (existing is not null && string.Equals(existing, value, StringComparison.Ordinal)) return existing;
        Volatile.Write(ref slot, value);
        return value;
    }
}
