namespace NewsLsp.Analysis;

/// <summary>
/// A lossy, fixed-size table of shared string instances (as Roslyn's <c>StringTable</c>): each string hashes to one
/// slot, and a different string landing there replaces it. It holds at most its slot count of strings, reached and
/// then constant, so a long session does not keep every string it ever saw; frequent strings are the ones shared and
/// come back to their slot at once. A collision costs only a duplicate, never a wrong answer (callers compare by
/// value); races likewise only lose sharing: slot reads and writes are single reference stores.
/// </summary>
internal sealed class LossyStringTable
{
    private readonly string?[] _slots;

    /// <param name="slotBits">The table has 2^slotBits slots.</param>
    public LossyStringTable(int slotBits) => _slots = new string?[1 << slotBits];

    /// <summary>
    /// The shared instance of <paramref name="value"/>, a prefix of <paramref name="whole"/> (if given):
    /// <paramref name="whole"/> itself when they are equal and nothing is shared yet, so that a string is made only
    /// for a new prefix.
    /// </summary>
    public string Share(ReadOnlySpan<char> value, string? whole)
    {
        ref var slot = ref SlotOf(value);
        var existing = Volatile.Read(ref slot);
        if (existing is not null && value.SequenceEqual(existing)) return existing;
        var made = whole is not null && value.Length == whole.Length ? whole : value.ToString();
        Volatile.Write(ref slot, made);
        return made;
    }

    // A string and its characters hash alike (string.GetHashCode(span) is the string's own hash).
    private ref string? SlotOf(ReadOnlySpan<char> value) => ref _slots[string.GetHashCode(value) & (_slots.Length - 1)];
}
