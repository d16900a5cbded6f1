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

    /// <summary>
    /// The shared instance of <paramref name="value"/>, a prefix of <paramref name="whole"/> (if given):
    /// <paramref name="whole"/> itself when they are equal and nothing is shared yet, so that a string is made only
    /// for a new prefix.
    /// </summary>
    public static string Share(ReadOnlySpan<char> value, string? whole)
    {
        ref var slot = ref SlotOf(value);
        var existing = Volatile.Read(ref slot);
        if (existing is not null && value.SequenceEqual(existing)) return existing;
        var made = whole is not null && value.Length == whole.Length ? whole : value.ToString();
        Volatile.Write(ref slot, made);
        return made;
    }

    public static string Share(string value) => Share(value, value);

    // A string and its characters hash alike (string.GetHashCode(span) is the string's own hash).
    private static ref string? SlotOf(ReadOnlySpan<char> value) => ref Slots[string.GetHashCode(value) & (SlotCount - 1)];
}
